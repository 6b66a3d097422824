import { PERSON_ROLES, type PersonRole } from '@schakel/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/CheckboxField';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { errorMessage } from '../../../lib/errorMessage';
import { useAddPerson, useUpdatePerson, type PersonInput } from '../api/persons';
import type { Person } from '../types';

interface PersonFormProps {
  caseId: string;
  /** The person to correct; without it, a person is added (a child discovered later, a new partner). */
  person?: Person;
  onClose: () => void;
  onDone: (message: string) => void;
}

const TEXT_FIELDS = ['firstName', 'lastName', 'birthDate', 'nationalNumber', 'address', 'phone', 'email'] as const;
type TextKey = (typeof TEXT_FIELDS)[number];

/** Adds or corrects a person of the case; fields withheld from the caller stay untouched unless typed in. */
export function PersonForm({ caseId, person, onClose, onDone }: PersonFormProps) {
  const { t } = useTranslation();
  const add = useAddPerson();
  const update = useUpdatePerson();
  const mutation = person ? update : add;
  const [role, setRole] = useState<string>(person?.role ?? 'CHILD');
  const [values, setValues] = useState<Record<TextKey, string>>(
    () => Object.fromEntries(TEXT_FIELDS.map((f) => [f, (person?.[f] as string | null | undefined) ?? ''])) as Record<TextKey, string>,
  );
  const [confidential, setConfidential] = useState(person?.confidentialAddress ?? false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const input: PersonInput = {};
    if (!person || role !== person.role) input.role = role as PersonRole;
    for (const f of TEXT_FIELDS) {
      const v = values[f].trim();
      const before = (person?.[f] as string | null | undefined) ?? '';
      if (person ? v !== before && !(v === '' && person.withheld.includes(f as never)) : v !== '') (input as Record<string, unknown>)[f] = v === '' ? null : v;
    }
    if (!person ? confidential : confidential !== person.confidentialAddress) input.confidentialAddress = confidential;
    const name = `${values.firstName} ${values.lastName}`.trim();
    if (person)
      update.mutate({ caseId, personId: person.id, input: { ...input, version: person.version } }, { onSuccess: () => onDone(t('privacy.updated', { name })) });
    else add.mutate({ caseId, input }, { onSuccess: () => onDone(t('privacy.added', { name })) });
  };

  return (
    <Dialog title={person ? t('privacy.editTitle', { name: `${person.firstName} ${person.lastName}` }) : t('privacy.addPerson')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <FormAlert>{mutation.error ? errorMessage(mutation.error, t) : null}</FormAlert>
        <SelectField
          label={t('case.persons.role')}
          name="role"
          value={role}
          onChange={setRole}
          options={PERSON_ROLES.map((r) => ({ value: r, label: t(`personRoles.${r}`) }))}
        />
        {TEXT_FIELDS.map((f) => (
          <TextField
            key={f}
            label={t(`privacy.fields.${f}` as never)}
            name={f}
            type={f === 'birthDate' ? 'date' : f === 'email' ? 'email' : 'text'}
            value={values[f]}
            onChange={(v) => setValues((s) => ({ ...s, [f]: v }))}
            hint={person?.withheld.includes(f as never) ? t('privacy.withheldEditHint') : undefined}
          />
        ))}
        <CheckboxField
          label={t('privacy.confidentialAddress')}
          hint={t('privacy.confidentialHint')}
          name="confidentialAddress"
          checked={confidential}
          onChange={setConfidential}
        />
        <div className="form-actions">
          <SubmitButton pending={mutation.isPending}>{person ? t('privacy.save') : t('privacy.addPerson')}</SubmitButton>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
