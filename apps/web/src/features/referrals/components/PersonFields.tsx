import { formatNationalNumber, isValidNationalNumber, PERSON_ROLES } from '@schakel/domain';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/CheckboxField';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { asCheckbox, type BoundField } from '../../../hooks/useZodForm';
import type { FieldErrors } from '../../../lib/FieldErrors';

export interface PersonRow {
  /** Client-side identity of the row, for focus and the draft; never sent. */
  key: number;
  role: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  nationalNumber: string;
  address: string;
  /** Per person (issue 12): left undefined, the referral-wide boxes apply. */
  informed?: boolean;
  consentGiven?: boolean;
}

type TextKey = 'role' | 'firstName' | 'lastName' | 'birthDate' | 'nationalNumber' | 'address';

/** Binds one field of this person: text fields hold strings, the two flags booleans (or nothing yet). */
export interface PersonFieldBinder {
  (name: TextKey): BoundField<string>;
  (name: 'informed' | 'consentGiven'): BoundField<boolean | undefined>;
}

interface PersonFieldsProps {
  index: number;
  /** The row's PersonRow.key (the add button puts the focus in the new row by it). */
  rowKey: number;
  /** The referral form's binding of this person's fields. */
  field: PersonFieldBinder;
  errors: FieldErrors;
  onRemove?: () => void;
}

/** One person of the referral (victim, alleged perpetrator, child, other), as a group of fields. */
export function PersonFields({ index, rowKey, field, errors, onRemove }: PersonFieldsProps) {
  const { t } = useTranslation();
  const name = (key: keyof PersonRow) => `persons.${index}.${key}`;
  const legend = t('referral.persons.legend', { n: index + 1 });
  const nationalNumber = field('nationalNumber');
  const flag = (key: 'informed' | 'consentGiven') => {
    const bound = field(key);
    return asCheckbox({ ...bound, value: bound.value ?? false });
  };
  return (
    <fieldset className="field person-fields" data-person={rowKey} aria-describedby={errors[`persons.${index}`] ? `person-${rowKey}-error` : undefined}>
      <legend>{legend}</legend>
      {errors[`persons.${index}`] && (
        <p id={`person-${rowKey}-error`} className="field-error">
          {errors[`persons.${index}`]}
        </p>
      )}
      <SelectField
        label={t('referral.persons.role')}
        required
        {...field('role')}
        placeholder={t('common.choose')}
        options={PERSON_ROLES.map((r) => ({ value: r, label: t(`personRoles.${r}`) }))}
        error={errors[name('role')]}
      />
      <div className="field-row">
        <TextField label={t('referral.persons.firstName')} autoComplete="off" required {...field('firstName')} error={errors[name('firstName')]} />
        <TextField label={t('referral.persons.lastName')} autoComplete="off" required {...field('lastName')} error={errors[name('lastName')]} />
      </div>
      <div className="field-row">
        <TextField label={t('referral.persons.birthDate')} hint={t('common.optional')} type="date" {...field('birthDate')} error={errors[name('birthDate')]} />
        <TextField
          label={t('referral.persons.nationalNumber')}
          hint={t('referral.persons.nationalNumberHint')}
          autoComplete="off"
          inputMode="numeric"
          {...nationalNumber}
          // Shown the way it is printed on the identity card once it checks out.
          onBlur={() => {
            if (isValidNationalNumber(nationalNumber.value)) nationalNumber.onChange(formatNationalNumber(nationalNumber.value));
            nationalNumber.onBlur();
          }}
          error={errors[name('nationalNumber')]}
        />
      </div>
      <TextField label={t('referral.persons.address')} hint={t('common.optional')} autoComplete="off" {...field('address')} error={errors[name('address')]} />
      <CheckboxField label={t('privacy.informed')} {...flag('informed')} />
      <CheckboxField label={t('privacy.consentGiven')} {...flag('consentGiven')} />
      {onRemove && (
        <button type="button" onClick={onRemove}>
          {t('referral.persons.remove', { n: index + 1 })}
        </button>
      )}
    </fieldset>
  );
}
