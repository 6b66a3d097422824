import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { StatusMessage } from '../../../components/StatusMessage';
import { useConsents } from '../api/consents';
import { useCaseContext } from '../hooks/useCaseContext';
import { PersonConsentPanel } from './PersonConsentPanel';

/** /cases/:caseId/consents: consent and notices, per person. */
export function ConsentsPage() {
  const { t } = useTranslation();
  const { caseData, can } = useCaseContext();
  const consents = useConsents(caseData.id, can.readConsents);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="consents-title">
      <h2 id="consents-title">{t('consents.pageTitle')}</h2>
      <p className="hint">{t('consents.intro')}</p>
      <StatusMessage message={notice} />
      {consents.isPending && <LoadingState />}
      {consents.isError && <QueryErrorState error={consents.error} onRetry={() => void consents.refetch()} />}
      {consents.data &&
        caseData.persons.map((person) => (
          <PersonConsentPanel
            key={person.id}
            caseData={caseData}
            person={person}
            consents={consents.data.items.filter((c) => c.personId === person.id)}
            notices={consents.data.notices.filter((n) => n.personId === person.id)}
            can={can}
            onNotice={setNotice}
          />
        ))}
    </section>
  );
}
