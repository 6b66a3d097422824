interface FieldErrorProps {
  id: string;
  message?: string;
}

/** The error text under a field; the field points at it with `aria-describedby`. */
export function FieldError({ id, message }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}
