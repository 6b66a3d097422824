import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { useWorkQueue, WORK_ITEM_TYPES, type WorkItem } from '../api/workQueue';
import { WorkItemRow } from './WorkItemRow';

/** The home page's work queue: what waits for the user, grouped by kind, most urgent kinds first. */
export function WorkQueuePanel() {
  const { t } = useTranslation();
  const queue = useWorkQueue();
  if (queue.isPending) return <LoadingState />;
  if (queue.isError) return <QueryErrorState error={queue.error} onRetry={() => void queue.refetch()} />;
  const groups = WORK_ITEM_TYPES.map((type) => ({ type, items: queue.data.items.filter((i: WorkItem) => i.type === type) })).filter((g) => g.items.length > 0);
  return (
    <section className="work-queue" aria-labelledby="work-queue-title">
      <h2 id="work-queue-title">{t('workQueue.title')}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t('workQueue.empty')}</p>
      ) : (
        <div className="work-groups">
          {groups.map((g) => (
            <section key={g.type} className="panel work-group" aria-labelledby={`wq-${g.type}`}>
              <h3 id={`wq-${g.type}`}>
                {t(`workQueue.types.${g.type}`)} <span className="count">({g.items.length})</span>
              </h3>
              <ul className="work-items">
                {g.items.map((item, i) => (
                  <WorkItemRow key={`${item.link}-${i}`} item={item} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
