import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { StatusMessage } from '../../../components/StatusMessage';
import { useMe } from '../../me/hooks/useMe';
import { useContributions } from '../api/contributions';
import { useCaseContext } from '../hooks/useCaseContext';
import type { Contribution } from '../types';
import { ContributionForm } from './ContributionForm';
import { ContributionList } from './ContributionList';
import { ShareDialog } from './ShareDialog';

/** /cases/:caseId/contributions */
export function ContributionsPage() {
  const { t } = useTranslation();
  const { caseData, can } = useCaseContext();
  const { data: me } = useMe();
  const myAgencyId = me?.agency.id ?? '';
  const contributions = useContributions(caseData.id, can.readContributions);
  const [sharing, setSharing] = useState<Contribution | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="contributions-title">
      <h2 id="contributions-title">{t('contributions.title')}</h2>
      <p className="hint">{t('contributions.intro')}</p>
      <StatusMessage message={notice} />
      {contributions.isPending && <LoadingState />}
      {contributions.isError && <QueryErrorState error={contributions.error} onRetry={() => void contributions.refetch()} />}
      {contributions.data && (
        <ContributionList
          caseData={caseData}
          contributions={contributions.data.items}
          myAgencyId={myAgencyId}
          canShare={can.shareOwn}
          onShare={(c) => {
            setNotice(null);
            setSharing(c);
          }}
        />
      )}
      {can.contribute && <ContributionForm caseId={caseData.id} onDone={setNotice} />}
      {sharing && (
        <ShareDialog
          caseData={caseData}
          contribution={sharing}
          myAgencyId={myAgencyId}
          canReadConsents={can.readConsents}
          onClose={() => setSharing(null)}
          onDone={(message) => {
            setSharing(null);
            setNotice(message);
          }}
        />
      )}
    </section>
  );
}
