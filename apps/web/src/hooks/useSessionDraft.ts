import { useEffect } from 'react';

/**
 * Keeps a form's input in sessionStorage (this tab only, gone when it closes; signing out removes
 * it) so that leaving the page does not lose a half-filled form. The form reads it back at mount.
 */
export function useSessionDraft<T>(key: string, values: T, dirty: boolean): { clear: () => void } {
  useEffect(() => {
    // A short pause: one write per burst of typing, not per keystroke.
    const timer = window.setTimeout(() => {
      if (dirty) sessionStorage.setItem(key, JSON.stringify(values));
    }, 300);
    return () => window.clearTimeout(timer);
  }, [key, values, dirty]);
  return { clear: () => sessionStorage.removeItem(key) };
}
