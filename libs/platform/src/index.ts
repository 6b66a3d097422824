export * from './config';
export * from './dev-secrets';
export * from './database-roles';
export * from './embedded-postgres';
export * from './queue-backend';
export * from './log-redaction';
export * from './sharing-log';
export * from './redis-wait';
