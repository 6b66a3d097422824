import { z } from 'zod';

/**
 * Every environment variable Schakel reads, validated once at start-up (docs/operator.md lists
 * them with defaults and examples). Nothing else in the code base reads process.env.
 */
const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// connection URL');

const redisUrl = z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL');

// "none" switches the requirement off (an empty variable means "unset", i.e. the default).
const roleList = z
  .string()
  .transform((s) =>
    s.trim() === 'none'
      ? []
      : s
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean),
  )
  .pipe(z.array(z.enum(['case_director', 'referrer', 'agency_member', 'prosecutor_liaison', 'dpo', 'admin'])));

// Express "trust proxy": unset trusts no proxy (X-Forwarded-For ignored); a hop count, or addresses,
// CIDRs and the names loopback/linklocal/uniquelocal, comma-separated.
const trustProxy = z
  .string()
  .regex(/^(\d{1,2}|[0-9A-Za-z.:/,\s]+)$/, 'must be a hop count or a comma-separated list of addresses, CIDRs or loopback/linklocal/uniquelocal')
  .transform((s): number | string[] =>
    /^\d+$/.test(s.trim())
      ? Number(s.trim())
      : s
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
  );

const ALL_ROLES = ['case_director', 'referrer', 'agency_member', 'prosecutor_liaison', 'dpo', 'admin'] as const;
const DEV_MFA_ROLES = ['admin', 'case_director', 'prosecutor_liaison', 'dpo'] as const;

/** Distinct symbols in a secret: a random key has many, "aaaa…" or all-zero bytes have one. */
const distinct = (xs: ArrayLike<number | string>) => new Set(Array.from(xs)).size;

/**
 * Production refuses secrets of low entropy and a secret reused between purposes (a JWT secret that
 * is also the blind-index key lets anyone who can forge tokens also test identities, and vice versa).
 */
function productionSecretProblems(c: { JWT_SECRET?: string; BLIND_INDEX_KEY?: string; ENCRYPTION_KEYS?: string; SIGNING_KEY?: string }): [string, string][] {
  const problems: [string, string][] = [];
  const textual: [string, string | undefined][] = [
    ['JWT_SECRET', c.JWT_SECRET],
    ['BLIND_INDEX_KEY', c.BLIND_INDEX_KEY],
  ];
  for (const [name, value] of textual) {
    if (value && distinct(value) < 10) problems.push([name, 'has too little entropy (use at least 32 random bytes, e.g. openssl rand -base64 48)']);
  }
  const encryption = (c.ENCRYPTION_KEYS ?? '')
    .split(',')
    .filter(Boolean)
    .map((k) => k.slice(k.indexOf(':') + 1));
  for (const key of encryption) {
    if (distinct(Buffer.from(key, 'base64')) < 16)
      problems.push(['ENCRYPTION_KEYS', 'holds a key with too little entropy (use 32 random bytes, e.g. openssl rand -base64 32)']);
  }
  if (c.SIGNING_KEY && distinct(Buffer.from(c.SIGNING_KEY, 'base64').subarray(-32)) < 16) {
    problems.push(['SIGNING_KEY', 'has too little entropy (generate an Ed25519 key)']);
  }
  const seen = new Map<string, string>();
  for (const [name, value] of [
    ...textual,
    ...encryption.map((k) => ['ENCRYPTION_KEYS', k] as [string, string]),
    ['SIGNING_KEY', c.SIGNING_KEY] as [string, string | undefined],
  ]) {
    if (!value) continue;
    const other = seen.get(value);
    if (other && other !== name) problems.push([name, `must not be the same secret as ${other}`]);
    else if (other === name) problems.push([name, 'must not repeat a key']);
    seen.set(value, name);
  }
  return problems;
}

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
    // Default: every role in production (all of them read identities); outside it, the roles that
    // did before, so development and test clients keep signing in with a password alone.
    MFA_REQUIRED_ROLES: roleList.optional(),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    LOGIN_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(60),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_REDIRECT_URI: z.string().url().optional(),
    OIDC_USER_CLAIM: z.string().min(1).default('email'),
    DEV_SEED: flag.default(false),
    TRUST_PROXY: trustProxy.default([]),
    // BullMQ key prefix: two deployments on one Redis keep separate queues.
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, dots, dashes or underscores')
      .default('schakel'),
    WORKER_REDIS_WAIT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    API_DOCS: flag.optional(),
    SHARING_LOG_ORIGIN: z
      .string()
      .regex(/^[\x21-\x7e]+$/, 'must be one word of printable ASCII (the checkpoint origin line)')
      .default('schakel.local/sharing-log'),
    // Notification e-mail (sent by the worker); without SMTP_URL notifications stay in the in-app inbox.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    SMTP_FROM: z.string().min(3).default('Schakel <no-reply@schakel.invalid>'),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production') {
      for (const key of ['DATABASE_URL', 'JWT_SECRET', 'ENCRYPTION_KEYS', 'BLIND_INDEX_KEY', 'SIGNING_KEY'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
      }
    }
    if (c.NODE_ENV === 'production') productionSecretProblems(c).forEach(([path, message]) => ctx.addIssue({ code: 'custom', path: [path], message }));
    if (c.NODE_ENV === 'production' && c.DEV_SEED) {
      ctx.addIssue({ code: 'custom', path: ['DEV_SEED'], message: 'must not be enabled when NODE_ENV=production' });
    }
    if ((c.ADMIN_EMAIL && !c.ADMIN_PASSWORD) || (!c.ADMIN_EMAIL && c.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: [c.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'], message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together' });
    }
    if (c.OIDC_ISSUER && (!c.OIDC_CLIENT_ID || !c.OIDC_REDIRECT_URI)) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_REDIRECT_URI' });
    }
  })
  .transform((c) => ({
    ...c,
    MFA_REQUIRED_ROLES: c.MFA_REQUIRED_ROLES ?? (c.NODE_ENV === 'production' ? [...ALL_ROLES] : [...DEV_MFA_ROLES]),
  }));

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
