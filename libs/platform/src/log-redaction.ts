/**
 * Paths pino must never print: credentials, tokens and anything that identifies a person.
 * Request bodies are not logged at all; these cover headers and structured fields passed to log calls.
 */
const identityFields = [
  'firstName', 'lastName', 'birthDate', 'nationalNumber', 'nationalRegisterNumber', 'address', 'name',
  'email', 'phone', 'password', 'newPassword', 'currentPassword', 'code', 'totp', 'mfaToken',
  'accessToken', 'refreshToken', 'token', 'secret', 'content', 'justification', 'summary',
];

export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...identityFields,
  ...identityFields.map((f) => `*.${f}`),
  ...identityFields.map((f) => `*.*.${f}`),
];
