import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VIOLENCE_FORMS, type ViolenceForm } from '@schakel/domain';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { errorMessage } from '../../../lib/errorMessage';
import { formatDate } from '../../../lib/formatDate';
import { useAddIncident } from '../api/casework';
import type { CaseIncident } from '../types';

interface IncidentsSectionProps {
  caseId: string;
  incidents: CaseIncident[];
  /** The referring agency may add incidents while the case is open. */
  canAdd: boolean;
}

/** Later incidents of the referral (date, forms of violence, PV number), and the referring agency's form to add one. */
export function IncidentsSection({ caseId, incidents, canAdd }: IncidentsSectionProps) {
  const { t, i18n } = useTranslation();
  const add = useAddIncident();
  const [date, setDate] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [policeReference, setPoliceReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found['date'] = t('casework.incidents.dateRequired');
    if (!types.length) found['types'] = t('casework.incidents.typesRequired');
    setErrors(found);
    if (Object.keys(found).length) return;
    add.mutate(
      { caseId, date, types: types as ViolenceForm[], ...(policeReference.trim() ? { policeReference: policeReference.trim() } : {}) },
      {
        onSuccess: () => {
          setDate('');
          setTypes([]);
          setPoliceReference('');
          setDone(true);
        },
      },
    );
  };
  return (
    <section aria-labelledby="incidents-title" className="panel">
      <h2 id="incidents-title">{t('casework.incidents.title')}</h2>
      {incidents.length === 0 ? (
        <p>{t('casework.incidents.none')}</p>
      ) : (
        <ul>
          {incidents.map((i) => (
            <li key={i.id}>
              {formatDate(i.date, i18n.language)}: {i.types.map((v) => t(`violenceForms.${v}`)).join(', ')}
              {i.policeReference && ` — ${t('casework.incidents.pv')} ${i.policeReference}`}
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <form onSubmit={submit} noValidate aria-labelledby="incident-form-title">
          <h3 id="incident-form-title">{t('casework.incidents.add')}</h3>
          <FormAlert>{add.error ? errorMessage(add.error, t) : null}</FormAlert>
          {done && !add.error && <p role="status">{t('casework.incidents.added')}</p>}
          <TextField label={t('casework.incidents.date')} name="date" type="date" value={date} onChange={setDate} error={errors['date']} />
          <CheckboxGroup
            legend={t('casework.incidents.types')}
            name="types"
            values={types}
            onChange={setTypes}
            options={VIOLENCE_FORMS.map((v) => ({ value: v, label: t(`violenceForms.${v}`) }))}
            error={errors['types']}
          />
          <TextField label={t('casework.incidents.pv')} name="policeReference" value={policeReference} onChange={setPoliceReference} />
          <SubmitButton pending={add.isPending}>{t('casework.incidents.submit')}</SubmitButton>
        </form>
      )}
    </section>
  );
}
