import { useEffect, useRef } from 'react';

interface StaleVersionAlertProps {
  show: boolean;
  message: string;
}

/**
 * Says that someone else saved the record meanwhile and the form now shows their version. Takes
 * the focus, because the form it replaces (and the focused button) was just rebuilt.
 */
export function StaleVersionAlert({ show, message }: StaleVersionAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show]);
  if (!show) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="alert alert-warning">
      {message}
    </div>
  );
}
