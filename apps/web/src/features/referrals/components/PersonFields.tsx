import { formatNationalNumber, isValidNationalNumber, PERSON_ROLES } from '@schakel/domain';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/CheckboxField';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import type { FieldErrors } from '../../../lib/FieldErrors';

export interface PersonRow {
  /** Client-side identity of the row, for React and focus; never sent. */
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

interface PersonFieldsProps {
  index: number;
  person: PersonRow;
  errors: FieldErrors;
  onChange: (person: PersonRow) => void;
  onRemove?: () => void;
}

/** One person of the referral (victim, alleged perpetrator, child, other), as a group of fields. */
export function PersonFields({ index, person, errors, onChange, onRemove }: PersonFieldsProps) {
  const { t } = useTranslation();
  const name = (field: keyof PersonRow) => `persons.${index}.${field}`;
  const set = (field: keyof PersonRow) => (value: string) => onChange({ ...person, [field]: value });
  const legend = t('referral.persons.legend', { n: index + 1 });
  return (
    <fieldset className="field person-fields" data-person={person.key} aria-describedby={errors[`persons.${index}`] ? `person-${person.key}-error` : undefined}>
      <legend>{legend}</legend>
      {errors[`persons.${index}`] && (
        <p id={`person-${person.key}-error`} className="field-error">
          {errors[`persons.${index}`]}
        </p>
      )}
      <SelectField
        label={t('referral.persons.role')}
        name={name('role')}
        required
        value={person.role}
        onChange={set('role')}
        placeholder={t('common.choose')}
        options={PERSON_ROLES.map((r) => ({ value: r, label: t(`personRoles.${r}`) }))}
        error={errors[name('role')]}
      />
      <div className="field-row">
        <TextField
          label={t('referral.persons.firstName')}
          name={name('firstName')}
          autoComplete="off"
          required
          value={person.firstName}
          onChange={set('firstName')}
          error={errors[name('firstName')]}
        />
        <TextField
          label={t('referral.persons.lastName')}
          name={name('lastName')}
          autoComplete="off"
          required
          value={person.lastName}
          onChange={set('lastName')}
          error={errors[name('lastName')]}
        />
      </div>
      <div className="field-row">
        <TextField
          label={t('referral.persons.birthDate')}
          hint={t('common.optional')}
          name={name('birthDate')}
          type="date"
          value={person.birthDate}
          onChange={set('birthDate')}
          error={errors[name('birthDate')]}
        />
        <TextField
          label={t('referral.persons.nationalNumber')}
          hint={t('referral.persons.nationalNumberHint')}
          name={name('nationalNumber')}
          autoComplete="off"
          inputMode="numeric"
          value={person.nationalNumber}
          onChange={set('nationalNumber')}
          // Shown the way it is printed on the identity card once it checks out.
          onBlur={() => isValidNationalNumber(person.nationalNumber) && onChange({ ...person, nationalNumber: formatNationalNumber(person.nationalNumber) })}
          error={errors[name('nationalNumber')]}
        />
      </div>
      <TextField
        label={t('referral.persons.address')}
        hint={t('common.optional')}
        name={name('address')}
        autoComplete="off"
        value={person.address}
        onChange={set('address')}
        error={errors[name('address')]}
      />
      <CheckboxField label={t('privacy.informed')} name={name('informed')} checked={person.informed ?? false} onChange={(informed) => onChange({ ...person, informed })} />
      <CheckboxField label={t('privacy.consentGiven')} name={name('consentGiven')} checked={person.consentGiven ?? false} onChange={(consentGiven) => onChange({ ...person, consentGiven })} />
      {onRemove && (
        <button type="button" onClick={onRemove}>
          {t('referral.persons.remove', { n: index + 1 })}
        </button>
      )}
    </fieldset>
  );
}
