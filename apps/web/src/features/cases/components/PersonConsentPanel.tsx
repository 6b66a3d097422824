import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/formatDate';
import { formatDateTime } from '../../../lib/formatDateTime';
import type { CasePermissions } from '../caseAbility';
import type { CaseDetail, Consent, Notice, Person } from '../types';
import { ConsentForm } from './ConsentForm';
import { NoticeForm } from './NoticeForm';
import { WithdrawConsentForm } from './WithdrawConsentForm';

interface PersonConsentPanelProps {
  caseData: CaseDetail;
  person: Person;
  consents: Consent[];
  notices: Notice[];
  can: CasePermissions;
  onNotice: (message: string) => void;
}

type Open = { kind: 'consent' } | { kind: 'notice' } | { kind: 'withdraw'; consentId: string } | null;

/** One person: the consents they gave or refused, whether they were informed, and forms to record more. */
export function PersonConsentPanel({ caseData, person, consents, notices, can, onNotice }: PersonConsentPanelProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const name = `${person.firstName} ${person.lastName}`;
  const headingId = `person-${person.id}`;
  const agencyName = (id: string) => caseData.agencies.find((a) => a.id === id)?.name ?? t('common.unknownAgency');
  const done = (message: string) => {
    setOpen(null);
    onNotice(message);
  };

  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>
        {name} <span className="muted">({t(`personRoles.${person.role}`)})</span>
      </h3>
      <h4>{t('consents.title')}</h4>
      {consents.length === 0 ? (
        <p>{t('consents.none')}</p>
      ) : (
        <ul className="plain record-list">
          {consents.map((c) => (
            <li key={c.id}>
              <p>
                <strong className={`badge ${c.status === 'GIVEN' ? 'badge-ok' : 'badge-danger'}`}>{t(`consentStatuses.${c.status}`)}</strong>{' '}
                {t('consents.summary', { method: t(`consentMethods.${c.method}`), date: formatDateTime(c.recordedAt, i18n.language) })}
              </p>
              <p className="meta">
                {t('consents.scope', {
                  agencies: c.scope.agencyIds.map(agencyName).join(', '),
                  categories: c.scope.dataCategories.map((d) => t(`dataCategories.${d}`)).join(', '),
                })}
                {c.validUntil && ` ${t('consents.until', { date: formatDate(c.validUntil, i18n.language) })}`}
              </p>
              {c.evidence && <p className="meta">{t('consents.evidenceShown', { evidence: c.evidence })}</p>}
              {c.withdrawnAt && (
                <p className="meta">
                  {t('consents.withdrawnAt', { date: formatDateTime(c.withdrawnAt, i18n.language) })}
                  {c.withdrawalReason && ` — ${c.withdrawalReason}`}
                </p>
              )}
              {c.status === 'GIVEN' &&
                can.withdrawConsent &&
                (open?.kind === 'withdraw' && open.consentId === c.id ? (
                  <WithdrawConsentForm caseId={caseData.id} consentId={c.id} onDone={done} onCancel={() => setOpen(null)} />
                ) : (
                  <button type="button" onClick={() => setOpen({ kind: 'withdraw', consentId: c.id })}>
                    {t('consents.withdraw')}
                    <span className="visually-hidden"> {t('consents.withdrawWhich', { name, date: formatDateTime(c.recordedAt, i18n.language) })}</span>
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('notices.title')}</h4>
      {notices.length === 0 ? (
        <p>{t('notices.none')}</p>
      ) : (
        <ul className="plain record-list">
          {notices.map((n) => (
            <li key={n.id}>
              {n.withheld ? (
                <>
                  <p>
                    <strong className="badge badge-warning">{t('notices.withheld')}</strong> {n.justification}
                  </p>
                  {n.reviewDate && <p className="meta">{t('notices.reviewOn', { date: formatDate(n.reviewDate, i18n.language) })}</p>}
                </>
              ) : (
                <p>
                  <strong className="badge badge-ok">{t('notices.informed')}</strong>{' '}
                  {t('notices.informedSummary', {
                    date: n.informedAt ? formatDateTime(n.informedAt, i18n.language) : '—',
                    method: n.method ? t(`noticeMethods.${n.method}` as never) : '—',
                  })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {can.recordConsent && (
        <div className="panel-actions">
          {open?.kind === 'consent' ? (
            <ConsentForm caseData={caseData} person={person} onDone={done} onCancel={() => setOpen(null)} />
          ) : open?.kind === 'notice' ? (
            <NoticeForm caseId={caseData.id} person={person} onDone={done} onCancel={() => setOpen(null)} />
          ) : (
            <>
              <button type="button" onClick={() => setOpen({ kind: 'consent' })}>
                {t('consents.add')}
                <span className="visually-hidden"> {name}</span>
              </button>{' '}
              <button type="button" onClick={() => setOpen({ kind: 'notice' })}>
                {t('notices.add')}
                <span className="visually-hidden"> {name}</span>
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
