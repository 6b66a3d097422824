import { useId, type ReactNode } from 'react';
import { describedBy } from './describedBy';
import { FieldError } from './FieldError';

export interface RadioOption {
  value: string;
  label: string;
  /** Shown under the option (and read with it), e.g. why it cannot be chosen. */
  description?: ReactNode;
  disabled?: boolean;
}

interface RadioGroupProps {
  legend: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly RadioOption[];
  error?: string;
  hint?: string;
  /** The focus left the field (a form marks it as visited). */
  onBlur?: () => void;
}

/** One choice out of a few, as radio buttons under a legend (arrow keys move between them). */
export function RadioGroup({ legend, name, value, onChange, options, error, hint, onBlur }: RadioGroupProps) {
  const generated = useId();
  const groupId = `${generated}${name}`;
  const hintId = hint ? `${groupId}-hint` : undefined;
  const errorId = `${groupId}-error`;
  return (
    <fieldset className="field" onBlur={onBlur} aria-describedby={describedBy(hintId, error ? errorId : undefined)}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {options.map((o) => {
        const id = `${groupId}-${o.value}`;
        const descriptionId = o.description ? `${id}-description` : undefined;
        return (
          <div key={o.value} className="field-checkbox">
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
              onChange={() => onChange(o.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={descriptionId}
            />
            <label htmlFor={id}>{o.label}</label>
            {o.description && (
              <div id={descriptionId} className="hint option-description">
                {o.description}
              </div>
            )}
          </div>
        );
      })}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
