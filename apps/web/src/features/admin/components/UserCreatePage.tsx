import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import { useCreateUser } from '../api/users';
import { UserForm, type UserFormValues } from './UserForm';

const EMPTY: UserFormValues = { email: '', displayName: '', agencyId: '', roles: [], locale: 'nl', password: '', active: true };

/** /admin/users/new */
export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  return (
    <section>
      <PageHeading>{t('admin.users.newTitle')}</PageHeading>
      <UserForm
        initial={EMPTY}
        editing={false}
        pending={create.isPending}
        error={create.error}
        onSubmit={(values) =>
          create.mutate(values, {
            onSuccess: (user) => void navigate('/admin/users', { state: { notice: t('admin.users.created', { name: user.displayName }) } }),
          })
        }
      />
    </section>
  );
}
