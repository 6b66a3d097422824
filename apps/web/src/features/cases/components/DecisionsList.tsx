import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useDecisions } from '../api/decisions';

/** The inclusion decisions of the weighing step, oldest first. */
export function DecisionsList({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const decisions = useDecisions(caseId);
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('case.decisions.title')}</h2>
      {decisions.isPending ? (
        <LoadingState />
      ) : decisions.isError ? (
        <QueryErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
      ) : decisions.data.items.length === 0 ? (
        <p>{t('case.decisions.none')}</p>
      ) : (
        <ol className="record-list">
          {decisions.data.items.map((d) => (
            <li key={d.id}>
              <p>
                <strong>{t(`decisionTypes.${d.type}`)}</strong> — <time dateTime={d.createdAt}>{formatDateTime(d.createdAt, i18n.language)}</time>
                {d.conferenceId && <> — {t('case.decisions.atConference')}</>}
              </p>
              <p className="prewrap">{d.rationale}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
