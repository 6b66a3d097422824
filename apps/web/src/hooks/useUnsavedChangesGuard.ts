import { useEffect } from 'react';
import { useBlocker, type Blocker } from 'react-router';

/**
 * Holds a navigation away from a form with unsaved input until the user confirms (render
 * <UnsavedChangesDialog blocker={…} />), and asks the browser to confirm closing or reloading the tab.
 */
export function useUnsavedChangesGuard(dirty: boolean): Blocker {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  return blocker;
}
