import { useId } from 'react';
import { describedBy } from './describedBy';
import { FieldError } from './FieldError';

interface CheckboxGroupProps {
  legend: string;
  name: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  options: readonly { value: string; label: string }[];
  error?: string;
  hint?: string;
  /** The focus left the field (a form marks it as visited). */
  onBlur?: () => void;
}

/** A set of checkboxes for a multi-valued field, grouped under a legend. */
export function CheckboxGroup({ legend, name, values, onChange, options, error, hint, onBlur }: CheckboxGroupProps) {
  const generated = useId();
  const groupId = `${generated}${name}`;
  const hintId = hint ? `${groupId}-hint` : undefined;
  const errorId = `${groupId}-error`;
  const toggle = (value: string, on: boolean) => onChange(on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));
  return (
    <fieldset className="field" onBlur={onBlur} aria-describedby={describedBy(hintId, error ? errorId : undefined)}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {options.map((o) => (
        <div key={o.value} className="field-checkbox">
          <input
            type="checkbox"
            id={`${groupId}-${o.value}`}
            name={name}
            value={o.value}
            checked={values.includes(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={`${groupId}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
