import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useEvaluations } from '../api/evaluations';

/** The evaluations of the case, oldest first. */
export function EvaluationsList({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const evaluations = useEvaluations(caseId);
  return (
    <section aria-labelledby="evaluations-title">
      <h2 id="evaluations-title">{t('case.evaluations.title')}</h2>
      {evaluations.isPending ? (
        <LoadingState />
      ) : evaluations.isError ? (
        <QueryErrorState error={evaluations.error} onRetry={() => void evaluations.refetch()} />
      ) : evaluations.data.items.length === 0 ? (
        <p>{t('case.evaluations.none')}</p>
      ) : (
        <ol className="record-list">
          {evaluations.data.items.map((e) => (
            <li key={e.id}>
              <p>
                <strong>{t(`evaluationOutcomes.${e.outcome}`)}</strong> — <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, i18n.language)}</time>
              </p>
              <p className="prewrap">{e.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
