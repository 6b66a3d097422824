import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import { useCreateAgency } from '../api/agencies';
import { AgencyForm, type AgencyFormValues } from './AgencyForm';

const EMPTY: AgencyFormValues = { name: '', type: '', district: '', active: true };

/** /admin/agencies/new */
export function AgencyCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAgency();
  return (
    <section>
      <PageHeading>{t('admin.agencies.newTitle')}</PageHeading>
      <AgencyForm
        initial={EMPTY}
        editing={false}
        pending={create.isPending}
        error={create.error}
        onSubmit={({ name, type, district }) =>
          create.mutate(
            { name, type, district },
            { onSuccess: (agency) => void navigate('/admin/agencies', { state: { notice: t('admin.agencies.created', { name: agency.name }) } }) },
          )
        }
      />
    </section>
  );
}
