import { useId, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy } from './describedBy';
import { FieldError } from './FieldError';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'name'> {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  /** The API's limit: shown as a count under the field before it is reached (not a hard stop). */
  limit?: number;
}

/** A labelled multi-line text field, with its hint and error tied to it. */
export function TextAreaField({ label, name, value, onChange, error, hint, limit, id, rows = 4, ...textarea }: TextAreaFieldProps) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? `${generated}${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = `${inputId}-error`;
  const counterId = limit ? `${inputId}-count` : undefined;
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
        aria-describedby={describedBy(hintId, counterId, error ? errorId : undefined)}
      />
      {limit && (
        <p id={counterId} className={value.length > limit ? 'hint counter field-error' : 'hint counter'}>
          {t('screens.charactersLeft', { count: value.length, max: limit })}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
