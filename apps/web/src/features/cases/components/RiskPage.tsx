import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { SelectField } from '../../../components/SelectField';
import { useRiskAssessments, useRiskInstrument, useRiskInstruments, type RiskAssessment } from '../api/risk';
import { useCaseContext } from '../hooks/useCaseContext';
import { localised } from '../localised';
import { RiskAssessmentForm } from './RiskAssessmentForm';
import { RiskHistoryTable } from './RiskHistoryTable';
import { RiskResult } from './RiskResult';

/** /cases/:caseId/risk: Weging per person — the structured form, what it brought to light, and the history. */
export function RiskPage() {
  const { t, i18n } = useTranslation();
  const { caseData, can } = useCaseContext();
  const persons = caseData.persons;
  const [personId, setPersonId] = useState(persons.find((p) => p.role === 'VICTIM')?.id ?? persons[0]?.id ?? '');
  const [instrumentId, setInstrumentId] = useState('');
  const [result, setResult] = useState<RiskAssessment | null>(null);
  const instruments = useRiskInstruments();
  const chosen = instruments.data?.items.find((i) => `${i.key}@${i.version}` === instrumentId) ?? instruments.data?.items[0];
  const instrument = useRiskInstrument(chosen?.key, chosen?.version);
  const history = useRiskAssessments(caseData.id, personId);
  const person = persons.find((p) => p.id === personId);
  const childPersons = persons.filter((p) => p.role === 'CHILD');

  if (instruments.isPending) return <LoadingState />;
  if (instruments.isError) return <QueryErrorState error={instruments.error} onRetry={() => void instruments.refetch()} />;

  return (
    <>
      <p className="prose">{t('risk.intro')}</p>
      <div className="inline-form">
        <SelectField
          label={t('risk.person')}
          name="personId"
          value={personId}
          onChange={(id) => {
            setPersonId(id);
            setResult(null);
          }}
          options={persons.map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName} (${t(`personRoles.${p.role}`)})` }))}
        />
        {instruments.data.items.length > 1 && (
          <SelectField
            label={t('risk.instrument')}
            name="instrument"
            value={chosen ? `${chosen.key}@${chosen.version}` : ''}
            onChange={setInstrumentId}
            options={instruments.data.items.map((i) => ({ value: `${i.key}@${i.version}`, label: `${localised(i.title, i18n.language)} (v${i.version})` }))}
          />
        )}
      </div>
      {result && result.personId === personId && <RiskResult assessment={result} instrument={instrument.data} />}
      {instrument.isPending ? (
        <LoadingState />
      ) : instrument.isError ? (
        <QueryErrorState error={instrument.error} onRetry={() => void instrument.refetch()} />
      ) : !person ? null : (
        <>
          <section aria-labelledby="risk-history-title">
            <h2 id="risk-history-title">{t('risk.history.title')}</h2>
            {history.isPending ? (
              <LoadingState />
            ) : history.isError ? (
              <QueryErrorState error={history.error} onRetry={() => void history.refetch()} />
            ) : history.data.items.length === 0 ? (
              <p>{t('risk.history.none')}</p>
            ) : (
              <RiskHistoryTable person={person} assessments={history.data.items} instrument={instrument.data} childPersons={childPersons} />
            )}
          </section>
          {can.assessRisk && (
            <RiskAssessmentForm
              key={`${personId}:${instrument.data.key}:${instrument.data.version}`}
              caseId={caseData.id}
              instrument={instrument.data}
              person={person}
              childPersons={childPersons}
              onDone={setResult}
            />
          )}
        </>
      )}
    </>
  );
}
