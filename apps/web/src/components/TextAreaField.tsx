import { useId, type TextareaHTMLAttributes } from 'react';
import { describedBy } from './describedBy';
import { FieldError } from './FieldError';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'name'> {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
}

/** A labelled multi-line text field, with its hint and error tied to it. */
export function TextAreaField({ label, name, value, onChange, error, hint, id, rows = 4, ...textarea }: TextAreaFieldProps) {
  const generated = useId();
  const inputId = id ?? `${generated}${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = `${inputId}-error`;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <textarea
        {...textarea}
        id={inputId}
        name={name}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, error ? errorId : undefined)}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
