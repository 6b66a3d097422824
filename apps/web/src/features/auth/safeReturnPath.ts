/**
 * The in-app path to return to after login. Only a same-origin path is accepted, so a crafted
 * link cannot send a freshly signed-in user elsewhere.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/login')) return '/';
  return value;
}
