// The Node runtime flags the API runs with (npm start, the Dockerfile, the bench): one place.
//
// --max-semi-space-size=64 (MB): V8's young generation may grow to 2 × 64 MB instead of 2 × 16 MB. A
// list request allocates about a megabyte that dies with it (rows, Dates, views, a 25 KB JSON string);
// with 32 requests in flight the default young generation filled every few requests, and each
// scavenge copied whatever the requests in flight still held. Measured at 100,000 cases (issue 14,
// ADR 0013): list CPU per request 1.81 → 1.20 ms, GC from ≈ 15 % of the API's CPU to ≈ 5 %; about
// 20–100 MB more RSS under load. docker/api.Dockerfile repeats the flag in its CMD (a Dockerfile
// cannot import this file): change both together.
export const API_NODE_FLAGS = ['--max-semi-space-size=64'];
