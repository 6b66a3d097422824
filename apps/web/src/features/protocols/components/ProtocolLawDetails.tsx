import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { errorMessage } from '../../../lib/errorMessage';
import { formatDateTime } from '../../../lib/formatDateTime';
import { statementText, useAccessList, useAcknowledgeProtocol, useConfidentialityStatement } from '../api/confidentiality';
import type { Protocol } from '../types';
import { TableScroll } from '../../../components/TableScroll';

interface ProtocolLawDetailsProps {
  protocol: Protocol;
  agencyName: (id: string) => string;
  canAcknowledge: boolean;
  canSeeAccessList: boolean;
}

/**
 * What art. 458ter asks a protocol to lay down and record (issue 9): the modalities, every office's
 * reasoned approval, the history of its decisions, the confidentiality statement each user
 * confirms, and for the liaison and the DPO who has access and when they confirmed.
 */
export function ProtocolLawDetails({ protocol: p, agencyName, canAcknowledge, canSeeAccessList }: ProtocolLawDetailsProps) {
  const { t, i18n } = useTranslation();
  const statement = useConfidentialityStatement(p.id);
  const acknowledge = useAcknowledgeProtocol();
  const access = useAccessList(p.id, canSeeAccessList);
  const m = p.modalities;
  return (
    <>
      {p.motivation && (
        <>
          <h2>{t('law.motivation')}</h2>
          <p className="prose">{p.motivation}</p>
        </>
      )}
      {(p.approvals?.length ?? 0) > 0 && (
        <>
          <h2>{t('law.approvals')}</h2>
          <ul>
            {p.approvals!.map((a) => (
              <li key={a.agencyId}>
                {t('law.approvalBy', { agency: agencyName(a.agencyId), reference: a.reference, date: formatDateTime(a.approvedAt, i18n.language) })}
                <p className="prose">{a.motivation}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {(p.pendingApproverAgencyIds?.length ?? 0) > 0 && (
        <p className="alert alert-info">{t('law.pendingApprovers', { agencies: p.pendingApproverAgencyIds!.map(agencyName).join(', ') })}</p>
      )}
      {m && (
        <>
          <h2>{t('law.modalities')}</h2>
          <dl className="details">
            <dt>{t('law.inclusionCriteria')}</dt>
            <dd>
              <ul>
                {m.inclusionCriteria.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </dd>
            <dt>{t('law.chair')}</dt>
            <dd>{m.chair}</dd>
            <dt>{t('law.informing')}</dt>
            <dd className="prose">{m.informing}</dd>
            <dt>{t('law.languageRegime')}</dt>
            <dd>{t(`law.languageRegimes.${m.languageRegime}`)}</dd>
            <dt>{t('law.route')}</dt>
            <dd>{t(`law.routes.${m.route}`)}</dd>
          </dl>
        </>
      )}
      {(p.events?.length ?? 0) > 0 && (
        <>
          <h2>{t('law.history')}</h2>
          <ol>
            {p.events!.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                {formatDateTime(e.at, i18n.language)} — {i18n.exists(`law.events.${e.type}`) ? t(`law.events.${e.type}` as never) : e.type}
                {e.reason && `: ${e.reason}`}
              </li>
            ))}
          </ol>
        </>
      )}
      {statement.data && (
        <section aria-labelledby="protocol-confidentiality">
          <h2 id="protocol-confidentiality">{t('law.ackTitle')}</h2>
          <blockquote className="prose">{statementText(statement.data.statement, i18n.language)}</blockquote>
          {statement.data.acknowledgedAt ? (
            <p>{t('law.ackDone', { date: formatDateTime(statement.data.acknowledgedAt, i18n.language) })}</p>
          ) : (
            canAcknowledge && (
              <>
                <FormAlert>{acknowledge.error ? errorMessage(acknowledge.error, t) : null}</FormAlert>
                <button type="button" aria-disabled={acknowledge.isPending || undefined} onClick={() => !acknowledge.isPending && acknowledge.mutate(p.id)}>
                  {t('law.ackButton')}
                </button>
              </>
            )
          )}
        </section>
      )}
      {canSeeAccessList && access.data && (
        <section aria-labelledby="protocol-access">
          <h2 id="protocol-access">{t('law.accessList')}</h2>
          <TableScroll label={t('law.accessList')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('law.accessPerson')}</th>
                  <th scope="col">{t('law.accessAgency')}</th>
                  <th scope="col">{t('law.accessAcknowledged')}</th>
                </tr>
              </thead>
              <tbody>
                {access.data.items.map((u) => (
                  <tr key={u.userId}>
                    <td>{u.displayName}</td>
                    <td>{u.agencyName}</td>
                    <td>{u.acknowledgedAt ? formatDateTime(u.acknowledgedAt, i18n.language) : t('law.notAcknowledged')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
    </>
  );
}
