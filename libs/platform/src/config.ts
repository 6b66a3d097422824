import { z } from 'zod';

/**
 * Every environment variable Schakel reads, validated once at start-up (docs/operator.md lists
 * them with defaults and examples). Nothing else in the code base reads process.env.
 */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// connection URL');

const redisUrl = z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL');

// "none" switches the requirement off (an empty variable means "unset", i.e. the default).
const roleList = z
  .string()
  .transform((s) => (s.trim() === 'none' ? [] : s.split(',').map((r) => r.trim()).filter(Boolean)))
  .pipe(z.array(z.enum(['case_director', 'referrer', 'agency_member', 'prosecutor_liaison', 'dpo', 'admin'])));

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_RUNTIME_URL: postgresUrl.optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    RUN_MIGRATIONS: flag.default(true),
    REDIS_URL: redisUrl.optional(),
    WEB_DIST_DIR: z.string().optional(),
    PUBLIC_URL: z.string().url().optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    ENCRYPTION_KEYS: z
      .string()
      .regex(/^([A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, 'must be "keyId:base64-32-byte-key[,…]", newest first')
      .optional(),
    BLIND_INDEX_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    SIGNING_KEY: z.string().min(40, 'must be a base64 PKCS#8 Ed25519 private key').optional(),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    MFA_REQUIRED_ROLES: roleList.default(['admin', 'case_director', 'prosecutor_liaison', 'dpo']),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(60),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_REDIRECT_URI: z.string().url().optional(),
    OIDC_USER_CLAIM: z.string().min(1).default('email'),
    DEV_SEED: flag.default(false),
    CHECKPOINT_EVERY: z.coerce.number().int().min(1).max(100000).default(100),
    SHARING_LOG_ORIGIN: z.string().regex(/^[\x21-\x7e]+$/, 'must be one word of printable ASCII (the checkpoint origin line)').default('schakel.local/sharing-log'),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production') {
      for (const key of ['DATABASE_URL', 'JWT_SECRET', 'ENCRYPTION_KEYS', 'BLIND_INDEX_KEY', 'SIGNING_KEY'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
      }
    }
    if (c.NODE_ENV === 'production' && c.DEV_SEED) {
      ctx.addIssue({ code: 'custom', path: ['DEV_SEED'], message: 'must not be enabled when NODE_ENV=production' });
    }
    if ((c.ADMIN_EMAIL && !c.ADMIN_PASSWORD) || (!c.ADMIN_EMAIL && c.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: [c.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
    if (c.OIDC_ISSUER && (!c.OIDC_CLIENT_ID || !c.OIDC_REDIRECT_URI)) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_REDIRECT_URI' });
    }
  });

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError whose message is one line naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  // An empty variable means "unset": `FOO=` in a compose file must not become an invalid value.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(config)'} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}
