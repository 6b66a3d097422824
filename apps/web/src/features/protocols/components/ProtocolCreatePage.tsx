import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/PageHeading';
import { useMe } from '../../me/hooks/useMe';
import { useCreateProtocol } from '../api/protocols';
import { protocolBody } from '../protocolBody';
import { NO_MODALITIES, ProtocolForm } from './ProtocolForm';

/** /protocols/new: a case director drafts a protocol for the prosecutor's approval. */
export function ProtocolCreatePage() {
  const { t } = useTranslation();
  const [savedTo, setSavedTo] = useState<{ path: string; notice: string } | null>(null);
  const { data: me } = useMe();
  const create = useCreateProtocol();
  return (
    <section>
      <PageHeading>{t('protocols.newTitle')}</PageHeading>
      <ProtocolForm
        initial={{
          title: '',
          district: me?.agency.district ?? '',
          purpose: '',
          agencyIds: me ? [me.agency.id] : [],
          dataCategories: [],
          retentionMonths: '60',
          validFrom: '',
          validUntil: '',
          approverAgencyIds: [],
          withModalities: false,
          modalities: NO_MODALITIES,
        }}
        pending={create.isPending}
        error={create.error}
        submitLabel={t('protocols.createDraft')}
        cancelTo="/protocols"
        savedTo={savedTo}
        onSubmit={(values) =>
          create.mutate(protocolBody(values), {
            onSuccess: (p) => setSavedTo({ path: `/protocols/${p.id}`, notice: t('protocols.created', { title: p.title }) }),
          })
        }
      />
    </section>
  );
}
