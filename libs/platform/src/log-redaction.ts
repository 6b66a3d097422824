/**
 * Paths pino must never print: credentials, tokens and anything that identifies a person.
 * Request bodies are not logged at all; these cover headers and structured fields passed to log calls.
 */
const identityFields = [
  'firstName',
  'lastName',
  'birthDate',
  'nationalNumber',
  'nationalRegisterNumber',
  'address',
  'email',
  'phone',
  'password',
  'newPassword',
  'currentPassword',
  'totp',
  'mfaToken',
  'accessToken',
  'refreshToken',
  'token',
  'secret',
  'content',
  'justification',
  'summary',
  'message',
  'displayName',
  'fullName',
];

// `name` and `code` are also an error's class and code (QueryFailedError, 23505), which a 500 must
// keep to be diagnosable: they are redacted where they are a person's name or a one-time code, not
// everywhere (an error's `message` is, since driver messages quote the values that failed).
const ambiguousFields = ['name', 'code'];
const ambiguousParents = ['person', 'persons[*]', 'user', 'body', 'mfa', 'victim', 'perpetrator', 'child'];

export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...identityFields,
  ...identityFields.map((f) => `*.${f}`),
  ...identityFields.map((f) => `*.*.${f}`),
  ...ambiguousFields,
  ...ambiguousFields.flatMap((f) => ambiguousParents.map((p) => `${p}.${f}`)),
  ...ambiguousFields.flatMap((f) => ambiguousParents.map((p) => `*.${p}.${f}`)),
];
