import { useEffect, type RefObject } from 'react';

/**
 * Puts the keyboard focus on the first invalid field of the form each time `trigger` changes
 * (a refused submit, a server answer), but never while the user is typing: live validation must
 * not pull the focus away. Pass e.g. `[focusRequest, mutation.error]`.
 */
export function useFocusFirstInvalidOn(formRef: RefObject<HTMLFormElement | null>, trigger: readonly unknown[]): void {
  const [first, second] = trigger;
  useEffect(() => {
    if (first || second) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [formRef, first, second]);
}
