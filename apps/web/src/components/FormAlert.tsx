import type { ReactNode } from 'react';

interface FormAlertProps {
  children?: ReactNode;
}

/** A form-level error (not tied to one field), announced as soon as it appears. */
export function FormAlert({ children }: FormAlertProps) {
  if (!children) return null;
  return (
    <div role="alert" className="alert alert-error">
      {children}
    </div>
  );
}
