import { RELATIONSHIP_TYPES, RELATIONSHIP_VIOLENCE, type RelationshipType, type RelationshipViolence } from '@schakel/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { errorMessage } from '../../../lib/errorMessage';
import { useAddRelationship } from '../api/persons';
import type { Person } from '../types';

interface RelationshipFormProps {
  caseId: string;
  persons: Person[];
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Records how two persons relate and the direction of violence between them (one-way, mutual, none). */
export function RelationshipForm({ caseId, persons, onClose, onDone }: RelationshipFormProps) {
  const { t } = useTranslation();
  const relate = useAddRelationship();
  const options = persons.map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName} (${t(`personRoles.${p.role}`)})` }));
  const [from, setFrom] = useState(persons[0]?.id ?? '');
  const [to, setTo] = useState(persons[1]?.id ?? '');
  const [type, setType] = useState<string>('PARTNER');
  const [violence, setViolence] = useState<string>('ONE_WAY');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (relate.isPending) return;
    relate.mutate(
      { caseId, fromPersonId: from, toPersonId: to, type: type as RelationshipType, violence: violence as RelationshipViolence },
      { onSuccess: () => onDone(t('privacy.related')) },
    );
  };

  return (
    <Dialog title={t('privacy.addRelationship')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <FormAlert>{relate.error ? errorMessage(relate.error, t) : null}</FormAlert>
        <SelectField label={t('privacy.fromPerson')} name="fromPersonId" value={from} onChange={setFrom} options={options} />
        <SelectField
          label={t('privacy.relationshipType')}
          name="type"
          value={type}
          onChange={setType}
          options={RELATIONSHIP_TYPES.map((r) => ({ value: r, label: t(`privacy.relationshipTypes.${r}`) }))}
        />
        <SelectField label={t('privacy.toPerson')} name="toPersonId" value={to} onChange={setTo} options={options} />
        <SelectField
          label={t('privacy.violenceLabel')}
          name="violence"
          value={violence}
          onChange={setViolence}
          options={RELATIONSHIP_VIOLENCE.map((v) => ({ value: v, label: t(`privacy.violence.${v}`) }))}
        />
        <div className="form-actions">
          <SubmitButton pending={relate.isPending}>{t('privacy.addRelationship')}</SubmitButton>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
