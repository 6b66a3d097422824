import type { AppConfig, Secrets } from '@schakel/platform';

/**
 * The validated configuration plus what start-up resolved (the database actually in use and the
 * secrets, generated ones included). Injected wherever configuration is needed.
 */
export class RuntimeConfig {
  constructor(
    readonly env: AppConfig,
    readonly databaseUrl: string,
    readonly databaseKind: 'embedded' | 'external',
    readonly secrets: Secrets,
  ) {}
}
