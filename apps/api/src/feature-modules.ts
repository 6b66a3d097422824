// The bounded contexts of the API (architecture.md), in one list so the app and the
// authorization-matrix test see the same set.
export const FEATURE_MODULES = [];
