import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { LoadingState } from '../../../components/LoadingState';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { StatusMessage } from '../../../components/StatusMessage';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { useUpdateUser, useUser } from '../api/users';
import { userPatch } from '../userPatch';
import { AccountSecurityPanel } from './AccountSecurityPanel';
import { StaleVersionAlert } from './StaleVersionAlert';
import { UserForm } from './UserForm';

/** /admin/users/:userId */
export function UserEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { userId = '' } = useParams();
  const user = useUser(userId);
  const update = useUpdateUser();
  const [stale, setStale] = useState(false);
  const [unchanged, setUnchanged] = useState(false);

  return (
    <section>
      <PageHeading>{t('admin.users.editTitle')}</PageHeading>
      <StaleVersionAlert show={stale} message={t('admin.staleReloaded')} />
      <StatusMessage message={unchanged ? t('common.noChanges') : null} />
      {user.isPending && <LoadingState />}
      {user.isError && <QueryErrorState error={user.error} onRetry={() => void user.refetch()} />}
      {user.data && <AccountSecurityPanel user={user.data} />}
      {user.data && (
        <UserForm
          // A reload after a stale save brings a new version: start the form over from it.
          key={user.data.version}
          initial={{ ...user.data, password: '' }}
          editing
          pending={update.isPending}
          error={update.error}
          onSubmit={(values) => {
            const current = user.data;
            const patch = userPatch(current, values);
            setStale(false);
            setUnchanged(Object.keys(patch).length === 0);
            if (Object.keys(patch).length === 0) return;
            update.mutate(
              { id: current.id, version: current.version, ...patch },
              {
                onSuccess: (saved) => void navigate('/admin/users', { state: { notice: t('admin.users.saved', { name: saved.displayName }) } }),
                onError: (error) => {
                  if (isStaleVersion(error)) {
                    setStale(true);
                    void user.refetch();
                  }
                },
              },
            );
          }}
        />
      )}
    </section>
  );
}
