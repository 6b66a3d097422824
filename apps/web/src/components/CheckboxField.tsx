import { useId } from 'react';
import { describedBy } from './describedBy';
import { FieldError } from './FieldError';

interface CheckboxFieldProps {
  label: string;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  hint?: string;
  /** The focus left the field (a form marks it as visited). */
  onBlur?: () => void;
}

/** One labelled checkbox (a yes/no setting). */
export function CheckboxField({ label, name, checked, onChange, error, hint, onBlur }: CheckboxFieldProps) {
  const generated = useId();
  const inputId = `${generated}${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = `${inputId}-error`;
  return (
    <div className="field field-checkbox">
      <input
        type="checkbox"
        id={inputId}
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, error ? errorId : undefined)}
      />
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
