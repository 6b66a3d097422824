import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState } from '../../../components/LoadingState';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { useAllAgencies } from '../api/agencies';
import { useUsers } from '../api/users';
import { ActionFeedback, type Feedback } from './ActionFeedback';
import { ListNotice } from './ListNotice';
import { UserTable } from './UserTable';

/** /admin/users */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const agencies = useAllAgencies();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const agencyNames = useMemo(() => new Map((agencies.data ?? []).map((a) => [a.id, a.name])), [agencies.data]);
  return (
    <section>
      <PageHeading>{t('admin.users.title')}</PageHeading>
      <ListNotice hidden={feedback !== null} />
      <p>
        <Link className="button" to="/admin/users/new">
          {t('admin.users.new')}
        </Link>
      </p>
      <ActionFeedback feedback={feedback} />
      {users.isPending && <LoadingState />}
      {users.isError && <QueryErrorState error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <>
          <UserTable users={users.data.pages.flatMap((p) => p.items)} agencyNames={agencyNames} onFeedback={setFeedback} />
          <LoadMoreButton hasMore={users.hasNextPage} loading={users.isFetchingNextPage} onLoadMore={() => void users.fetchNextPage()} />
        </>
      )}
    </section>
  );
}
