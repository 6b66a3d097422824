import { isIsoDate } from '@schakel/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import type { FieldErrors } from '../../../lib/FieldErrors';
import { useProtocolOptions } from '../api/protocols';
import type { SharingLogFilters } from '../api/sharingLog';

interface SharingLogFiltersFormProps {
  filters: SharingLogFilters;
  onChange: (filters: SharingLogFilters) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Narrows the log to a protocol, a case or a period; applied with the button. */
export function SharingLogFiltersForm({ filters, onChange }: SharingLogFiltersFormProps) {
  const { t } = useTranslation();
  const protocols = useProtocolOptions();
  const [draft, setDraft] = useState({ protocolId: filters.protocolId ?? '', caseId: filters.caseId ?? '', from: filters.from ?? '', to: filters.to ?? '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (draft.caseId.trim() && !UUID.test(draft.caseId.trim())) next['caseId'] = t('validation.caseId');
    if (draft.from && !isIsoDate(draft.from)) next['from'] = t('validation.date');
    if (draft.to && !isIsoDate(draft.to)) next['to'] = t('validation.date');
    if (draft.from && draft.to && draft.to < draft.from) next['to'] = t('validation.dateOrder');
    setErrors(next);
    if (Object.keys(next).length) return;
    onChange({
      protocolId: draft.protocolId || undefined,
      caseId: draft.caseId.trim() || undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
    });
  };

  return (
    <form className="filters" role="search" aria-label={t('logs.sharing.filters')} onSubmit={submit} noValidate>
      <SelectField
        label={t('logs.sharing.protocol')}
        name="protocolId"
        value={draft.protocolId}
        onChange={set('protocolId')}
        placeholder={t('logs.sharing.allProtocols')}
        options={(protocols.data?.items ?? []).map((p) => ({
          value: p.id,
          label: `${p.title} (${p.district}, ${t('protocols.revision', { n: p.revision })})`,
        }))}
      />
      <TextField
        label={t('logs.sharing.caseId')}
        hint={t('logs.sharing.caseIdHint')}
        name="caseId"
        autoComplete="off"
        value={draft.caseId}
        onChange={set('caseId')}
        error={errors['caseId']}
      />
      <div className="field-row">
        <TextField label={t('logs.sharing.from')} name="from" type="date" value={draft.from} onChange={set('from')} error={errors['from']} />
        <TextField label={t('logs.sharing.to')} name="to" type="date" value={draft.to} onChange={set('to')} error={errors['to']} />
      </div>
      <button type="submit">{t('logs.sharing.apply')}</button>
    </form>
  );
}
