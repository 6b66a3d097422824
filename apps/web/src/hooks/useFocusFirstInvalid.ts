import { useEffect, type RefObject } from 'react';
import type { FieldErrors } from '../lib/FieldErrors';

/** After a refused submit, puts the keyboard focus on the first field that has an error. */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, errors: FieldErrors): void {
  useEffect(() => {
    if (Object.values(errors).some(Boolean)) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [formRef, errors]);
}
