import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errorMessage';
import { formatDate } from '../../../lib/formatDate';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useAbility } from '../../me/hooks/useAbility';
import { useMe } from '../../me/hooks/useMe';
import { useAgencyDirectory } from '../../../api/agencyDirectory';
import { useProtocol, useProtocolCommand } from '../api/protocols';
import { protocolPermissions } from '../protocolPermissions';
import type { Protocol } from '../types';
import { ProtocolDecisionForm } from './ProtocolDecisionForm';
import { ProtocolLawDetails } from './ProtocolLawDetails';
import { ProtocolStatusBadge } from './ProtocolStatusBadge';

/** /protocols/:protocolId: the protocol, and the next step in its life the user may take. */
export function ProtocolPage() {
  const { t, i18n } = useTranslation();
  const { protocolId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const protocol = useProtocol(protocolId);
  const agencies = useAgencyDirectory();
  const ability = useAbility();
  const { data: me } = useMe();
  const command = useProtocolCommand();
  const [notice, setNotice] = useState<string | null>(null);
  const stateNotice = (location.state as { notice?: unknown } | null)?.notice;
  const p = protocol.data;
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? t('common.unknownAgency');
  const can = p ? protocolPermissions(ability, p, me?.agency.id ?? '') : null;
  const decided = (saved: Protocol) => setNotice(t('protocols.nowStatus', { status: t(`protocolStatuses.${saved.status}`) }));

  return (
    <section>
      <PageHeading>{p ? p.title : t('protocols.detailTitle')}</PageHeading>
      {typeof stateNotice === 'string' && stateNotice && !notice && <p className="alert alert-success">{stateNotice}</p>}
      <StatusMessage message={notice} />
      {protocol.isPending && <LoadingState />}
      {protocol.isError && <QueryErrorState error={protocol.error} onRetry={() => void protocol.refetch()} />}
      {p && can && (
        <>
          <dl className="details">
            <dt>{t('protocols.status')}</dt>
            <dd>
              <ProtocolStatusBadge protocol={p} />
            </dd>
            {p.reference && (
              <>
                <dt>{t('protocols.reference')}</dt>
                <dd>{p.reference}</dd>
              </>
            )}
            {p.decisionReason && (
              <>
                <dt>{t('protocols.decisionReason')}</dt>
                <dd className="prose">{p.decisionReason}</dd>
              </>
            )}
            <dt>{t('protocols.fields.district')}</dt>
            <dd>{p.district}</dd>
            <dt>{t('protocols.validity')}</dt>
            <dd>
              {p.validUntil
                ? t('protocols.validFromTo', { from: formatDate(p.validFrom, i18n.language), to: formatDate(p.validUntil, i18n.language) })
                : t('protocols.validFromOpen', { from: formatDate(p.validFrom, i18n.language) })}
            </dd>
            <dt>{t('protocols.fields.retentionMonths')}</dt>
            <dd>{t('protocols.months', { count: p.retentionMonths })}</dd>
            <dt>{t('protocols.revisionLabel')}</dt>
            <dd>
              {p.revision}
              {p.amendsId && (
                <>
                  {' — '}
                  <Link to={`/protocols/${p.amendsId}`}>{t('protocols.amends')}</Link>
                </>
              )}
            </dd>
            {p.submittedAt && (
              <>
                <dt>{t('protocols.submittedAt')}</dt>
                <dd>{formatDateTime(p.submittedAt, i18n.language)}</dd>
              </>
            )}
            {p.decidedAt && (
              <>
                <dt>{t('protocols.decidedAt')}</dt>
                <dd>{formatDateTime(p.decidedAt, i18n.language)}</dd>
              </>
            )}
          </dl>
          <h2>{t('protocols.fields.purpose')}</h2>
          <p className="prose">{p.purpose}</p>
          <h2>{t('protocols.signatories')}</h2>
          <ul>
            {p.agencyIds.map((id) => (
              <li key={id}>{agencyName(id)}</li>
            ))}
          </ul>
          {p.approverAgencyIds.length > 0 && (
            <>
              <h2>{t('protocols.approvers')}</h2>
              <ul>
                {p.approverAgencyIds.map((id) => (
                  <li key={id}>{agencyName(id)}</li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('protocols.fields.categories')}</h2>
          <ul>
            {p.dataCategories.map((c) => (
              <li key={c}>{t(`dataCategories.${c}`)}</li>
            ))}
          </ul>

          {(can.edit || can.submit || can.amend) && (
            <div className="form-actions" role="group" aria-label={t('protocols.actionsLabel')}>
              <FormAlert>{command.error ? errorMessage(command.error, t) : null}</FormAlert>
              {can.edit && (
                <Link className="button" to={`/protocols/${p.id}/edit`}>
                  {t('protocols.edit')}
                </Link>
              )}
              {can.submit && (
                <button
                  type="button"
                  className="button-primary"
                  aria-disabled={command.isPending || undefined}
                  onClick={() => !command.isPending && command.mutate({ id: p.id, action: 'submit' }, { onSuccess: decided })}
                >
                  {t('protocols.submit')}
                </button>
              )}
              {can.amend && (
                <button
                  type="button"
                  aria-disabled={command.isPending || undefined}
                  onClick={() =>
                    !command.isPending &&
                    command.mutate(
                      { id: p.id, action: 'amend' },
                      { onSuccess: (draft) => void navigate(`/protocols/${draft.id}/edit`, { state: { notice: t('protocols.amended') } }) },
                    )
                  }
                >
                  {t('protocols.amend')}
                </button>
              )}
            </div>
          )}
          <ProtocolLawDetails protocol={p} agencyName={agencyName} canAcknowledge={can.acknowledge} canSeeAccessList={can.accessList} />
          {can.approve && <ProtocolDecisionForm protocol={p} action="approve" onDone={decided} />}
          {can.reject && <ProtocolDecisionForm protocol={p} action="reject" onDone={decided} />}
          {can.suspend && <ProtocolDecisionForm protocol={p} action="suspend" onDone={decided} />}
          {can.lift && <ProtocolDecisionForm protocol={p} action="lift" onDone={decided} />}
        </>
      )}
      <p>
        <Link to="/protocols">{t('protocols.backToList')}</Link>
      </p>
    </section>
  );
}
