import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface SubmitButtonProps {
  pending: boolean;
  children: ReactNode;
}

/**
 * A form's submit button. While the request runs it stays focusable (a disabled button would
 * drop keyboard focus to the page start) and says it is busy; the form ignores repeat submits.
 */
export function SubmitButton({ pending, children }: SubmitButtonProps) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="button-primary" aria-disabled={pending || undefined}>
      {pending ? t('common.working') : children}
    </button>
  );
}
