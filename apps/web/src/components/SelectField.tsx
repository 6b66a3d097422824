import { useId } from 'react';
import { describedBy } from './describedBy';
import { FieldError } from './FieldError';

interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string; disabled?: boolean }[];
  /** Shown as the first, empty choice when nothing is selected yet. */
  placeholder?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  /** The focus left the field (a form marks it as visited). */
  onBlur?: () => void;
}

/** A labelled `<select>` with its hint and error tied to it. */
export function SelectField({ label, name, value, onChange, options, placeholder, error, hint, required, onBlur }: SelectFieldProps) {
  const generated = useId();
  const selectId = `${generated}${name}`;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = `${selectId}-error`;
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <select
        id={selectId}
        name={name}
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, error ? errorId : undefined)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
