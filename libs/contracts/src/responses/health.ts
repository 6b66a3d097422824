import { z } from 'zod/mini';
import { optional } from './schema';

// /api/health and /api/health/ready (api.md "Health"; api-extensions.md): no auth, outside /api/v1.

/** GET /health: the process is alive. */
export const livenessSchema = z.strictObject({ status: z.literal('ok') });
export type Liveness = z.infer<typeof livenessSchema>;

const check = { status: z.enum(['up', 'down']), detail: optional(z.string()) };
/** GET /health/ready: the same body with 200 (`ok`) or 503 (`unavailable`); `checks` says which dependency is down and why. */
export const readinessSchema = z.strictObject({
  status: z.enum(['ok', 'unavailable']),
  checks: z.strictObject({
    database: z.strictObject({ ...check, kind: z.enum(['embedded', 'external']) }),
    queue: z.strictObject({ ...check, backend: z.enum(['redis', 'postgres']) }),
  }),
});
export type Readiness = z.infer<typeof readinessSchema>;
