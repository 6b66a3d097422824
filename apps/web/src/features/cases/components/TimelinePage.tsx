import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useTimeline } from '../api/timeline';
import { useCaseContext } from '../hooks/useCaseContext';
import { TimelineDetail } from './TimelineDetail';

/** /cases/:caseId/timeline: what happened to the case, who did it, when and why — in order. */
export function TimelinePage() {
  const { t, i18n } = useTranslation();
  const { caseData } = useCaseContext();
  const timeline = useTimeline(caseData.id);
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {timeline.isPending && <LoadingState />}
      {timeline.isError && <QueryErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.data && timeline.data.items.length === 0 && <p>{t('timeline.empty')}</p>}
      {timeline.data && timeline.data.items.length > 0 && (
        <ol className="timeline">
          {timeline.data.items.map((item) => (
            <li key={item.id}>
              <p className="timeline-head">
                <strong>{t(`timelineTypes.${item.type}` as never, { defaultValue: item.type })}</strong>{' '}
                <time dateTime={item.at}>{formatDateTime(item.at, i18n.language)}</time>
                {item.actor?.displayName && <span className="muted"> · {item.actor.displayName}</span>}
              </p>
              <TimelineDetail item={item} caseData={caseData} />
              {item.reason && <p className="prose timeline-reason">{item.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
