import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState } from '../../../components/LoadingState';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { useAgencies } from '../api/agencies';
import { ActionFeedback, type Feedback } from './ActionFeedback';
import { AgencyTable } from './AgencyTable';
import { ListNotice } from './ListNotice';

/** /admin/agencies */
export function AgenciesPage() {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  return (
    <section>
      <PageHeading>{t('admin.agencies.title')}</PageHeading>
      <ListNotice hidden={feedback !== null} />
      <p>
        <Link className="button" to="/admin/agencies/new">
          {t('admin.agencies.new')}
        </Link>
      </p>
      <ActionFeedback feedback={feedback} />
      {agencies.isPending && <LoadingState />}
      {agencies.isError && <QueryErrorState error={agencies.error} onRetry={() => void agencies.refetch()} />}
      {agencies.data && (
        <>
          <AgencyTable agencies={agencies.data.pages.flatMap((p) => p.items)} onFeedback={setFeedback} />
          <LoadMoreButton hasMore={agencies.hasNextPage} loading={agencies.isFetchingNextPage} onLoadMore={() => void agencies.fetchNextPage()} />
        </>
      )}
    </section>
  );
}
