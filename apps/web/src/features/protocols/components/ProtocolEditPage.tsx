import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { LoadingState } from '../../../components/LoadingState';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { StatusMessage } from '../../../components/StatusMessage';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { useProtocol, useUpdateProtocol } from '../api/protocols';
import { protocolPatch } from '../protocolBody';
import { NO_MODALITIES, ProtocolForm } from './ProtocolForm';

/** /protocols/:protocolId/edit: changes to a draft, with the version read. */
export function ProtocolEditPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const stateNotice = (location.state as { notice?: unknown } | null)?.notice;
  const { protocolId = '' } = useParams();
  const protocol = useProtocol(protocolId);
  const update = useUpdateProtocol();
  const [stale, setStale] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const [savedTo, setSavedTo] = useState<{ path: string; notice: string } | null>(null);
  const p = protocol.data;
  return (
    <section>
      <PageHeading>{t('protocols.editTitle')}</PageHeading>
      {typeof stateNotice === 'string' && stateNotice && <p className="alert alert-success">{stateNotice}</p>}
      {stale && (
        <p role="alert" className="alert alert-warning">
          {t('admin.staleReloaded')}
        </p>
      )}
      <StatusMessage message={unchanged ? t('common.noChanges') : null} />
      {protocol.isPending && <LoadingState />}
      {protocol.isError && <QueryErrorState error={protocol.error} onRetry={() => void protocol.refetch()} />}
      {p && p.status !== 'DRAFT' && <p className="alert alert-info">{t('protocols.notDraft')}</p>}
      {p && p.status === 'DRAFT' && (
        <ProtocolForm
          key={p.version}
          initial={{
            title: p.title,
            district: p.district,
            purpose: p.purpose,
            agencyIds: p.agencyIds,
            dataCategories: p.dataCategories,
            retentionMonths: String(p.retentionMonths),
            validFrom: p.validFrom,
            validUntil: p.validUntil ?? '',
            approverAgencyIds: p.approverAgencyIds,
            withModalities: p.modalities !== null,
            modalities: p.modalities ? { ...p.modalities, inclusionCriteria: p.modalities.inclusionCriteria.join('\n') } : NO_MODALITIES,
          }}
          pending={update.isPending}
          error={update.error}
          submitLabel={t('common.save')}
          cancelTo={`/protocols/${p.id}`}
          savedTo={savedTo}
          onSubmit={(values) => {
            const patch = protocolPatch(p, values);
            setStale(false);
            setUnchanged(Object.keys(patch).length === 0);
            if (Object.keys(patch).length === 0) return;
            update.mutate(
              { id: p.id, version: p.version, ...patch },
              {
                onSuccess: (saved) => setSavedTo({ path: `/protocols/${saved.id}`, notice: t('protocols.saved', { title: saved.title }) }),
                onError: (error) => {
                  if (isStaleVersion(error)) {
                    setStale(true);
                    void protocol.refetch();
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
