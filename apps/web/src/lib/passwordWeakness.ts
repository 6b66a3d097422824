import { checkPassword } from '@schakel/domain';

/**
 * The API's password rule (libs/domain password-policy), run in the browser before submitting so a
 * weak password is refused at the field without a round trip. Returns the i18n key of the problem,
 * or null. The strength dictionaries load on first call, as their own chunk.
 */
export async function passwordWeakness(password: string, personal: string[]): Promise<'passwordPolicy.weak' | null> {
  if (!password) return null;
  try {
    const verdict = await checkPassword(password, personal);
    return verdict.reason === 'TOO_WEAK' ? 'passwordPolicy.weak' : null;
  } catch {
    // The dictionaries failed to load (offline): the API still checks.
    return null;
  }
}
