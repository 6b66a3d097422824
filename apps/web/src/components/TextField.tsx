import { useId, type InputHTMLAttributes } from 'react';
import { describedBy } from './describedBy';
import { FieldError } from './FieldError';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'name'> {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
}

/** A labelled input whose hint and error are tied to it for assistive technology. */
export function TextField({ label, name, value, onChange, error, hint, id, ...input }: TextFieldProps) {
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
      <input
        {...input}
        id={inputId}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, error ? errorId : undefined)}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
