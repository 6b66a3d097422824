import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../i18n';
import type { Me } from '../api/me';

/**
 * Switches the UI to the user's own language once per sign-in. Later refetches of /me leave it
 * alone, so a user who picks another language in the header keeps it.
 */
export function useSyncMeLocale(me: Me | undefined): void {
  const { i18n } = useTranslation();
  const syncedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!me) {
      syncedFor.current = null;
      return;
    }
    if (syncedFor.current === me.id) return;
    syncedFor.current = me.id;
    if ((LANGUAGES as readonly string[]).includes(me.locale) && i18n.language !== me.locale) void i18n.changeLanguage(me.locale);
  }, [me, i18n]);
}
