/** The defaults: with this seed, 24 operations of the world cover every kind of operation (asserted). */
export const DEFAULT_PROPERTY_SEED = 20261129;
export const DEFAULT_WORLD_OPS = 24;

/**
 * Seed and size of the property-based suites, from the environment so CI stays fast and a failure can
 * be replayed: PROPERTY_SEED (fixed by default), PROPERTY_RUNS (requests of the OpenAPI fuzz suite),
 * PROPERTY_WORLD_OPS (operations of the randomised multi-agency world).
 */
export function propertyBudget(): { seed: number; runs: number; worldOps: number } {
  const int = (name: string, fallback: number) => {
    const v = Number(process.env[name]);
    return Number.isInteger(v) && v > 0 ? v : fallback;
  };
  return { seed: int('PROPERTY_SEED', DEFAULT_PROPERTY_SEED), runs: int('PROPERTY_RUNS', 200), worldOps: int('PROPERTY_WORLD_OPS', DEFAULT_WORLD_OPS) };
}
