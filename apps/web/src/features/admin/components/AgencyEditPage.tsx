import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { LoadingState } from '../../../components/LoadingState';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { StatusMessage } from '../../../components/StatusMessage';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { agencyPatch } from '../agencyPatch';
import { useAgency, useUpdateAgency } from '../api/agencies';
import { AgencyForm } from './AgencyForm';
import { StaleVersionAlert } from './StaleVersionAlert';

/** /admin/agencies/:agencyId */
export function AgencyEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { agencyId = '' } = useParams();
  const agency = useAgency(agencyId);
  const update = useUpdateAgency();
  const [stale, setStale] = useState(false);
  const [unchanged, setUnchanged] = useState(false);

  return (
    <section>
      <PageHeading>{t('admin.agencies.editTitle')}</PageHeading>
      <StaleVersionAlert show={stale} message={t('admin.staleReloaded')} />
      <StatusMessage message={unchanged ? t('common.noChanges') : null} />
      {agency.isPending && <LoadingState />}
      {agency.isError && <QueryErrorState error={agency.error} onRetry={() => void agency.refetch()} />}
      {agency.data && (
        <AgencyForm
          // A reload after a stale save brings a new version: start the form over from it.
          key={agency.data.version}
          initial={agency.data}
          editing
          pending={update.isPending}
          error={update.error}
          onSubmit={(values) => {
            const current = agency.data;
            const patch = agencyPatch(current, values);
            setStale(false);
            setUnchanged(Object.keys(patch).length === 0);
            if (Object.keys(patch).length === 0) return;
            update.mutate(
              { id: current.id, version: current.version, ...patch },
              {
                onSuccess: (saved) => void navigate('/admin/agencies', { state: { notice: t('admin.agencies.saved', { name: saved.name }) } }),
                onError: (error) => {
                  if (isStaleVersion(error)) {
                    setStale(true);
                    void agency.refetch();
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
