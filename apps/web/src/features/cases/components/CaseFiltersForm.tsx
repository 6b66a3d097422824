import { STAGES, type Stage } from '@schakel/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/CheckboxField';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import type { CaseFilters } from '../api/cases';

interface CaseFiltersFormProps {
  filters: CaseFilters;
  onChange: (filters: CaseFilters) => void;
  /** "Only mine" makes sense for someone who directs cases; a referrer's list is theirs already. */
  showMine: boolean;
}

/** Step and "only mine" apply at once; the reference search applies on Enter or the button. */
export function CaseFiltersForm({ filters, onChange, showMine }: CaseFiltersFormProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, q: q.trim() || undefined });
  };
  return (
    <form className="filters" role="search" aria-label={t('cases.filters.label')} onSubmit={submit} noValidate>
      <SelectField
        label={t('cases.filters.stage')}
        name="stage"
        value={filters.stage ?? ''}
        onChange={(value) => onChange({ ...filters, stage: (value || undefined) as Stage | undefined })}
        placeholder={t('cases.filters.allStages')}
        options={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
      />
      <div className="filter-search">
        <TextField
          label={t('cases.filters.reference')}
          hint={t('cases.filters.referenceHint')}
          name="q"
          type="search"
          autoComplete="off"
          value={q}
          onChange={setQ}
        />
        <button type="submit">{t('cases.filters.search')}</button>
      </div>
      {showMine && (
        <CheckboxField
          label={t('cases.filters.mine')}
          name="mine"
          checked={Boolean(filters.mine)}
          onChange={(mine) => onChange({ ...filters, mine: mine || undefined })}
        />
      )}
    </form>
  );
}
