import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/formatDateTime';
import type { CaseDetail } from '../types';

/** Urgency and its triage deadline, the stated danger, the repeat-referral link and an escalation flag. */
export function CaseworkFacts({ caseData: c }: { caseData: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const [now] = useState(() => Date.now());
  if (!c.urgent && !c.previousCase && !c.urgentConferenceRequestedAt && !c.reopenedAt) return null;
  const overdue = c.urgent && !c.triagedAt && c.triageDueAt !== null && Date.parse(c.triageDueAt) < now;
  return (
    <section aria-labelledby="casework-facts-title" className="panel">
      <h2 id="casework-facts-title">{t('casework.facts.title')}</h2>
      <dl className="details">
        {c.urgent && (
          <>
            <dt>{t('casework.urgent.label')}</dt>
            <dd>
              <span className="badge badge-danger">{t('casework.urgent.badge')}</span>{' '}
              {c.triagedAt
                ? t('casework.urgent.triaged', { at: formatDateTime(c.triagedAt, i18n.language) })
                : t('casework.urgent.due', { at: c.triageDueAt ? formatDateTime(c.triageDueAt, i18n.language) : '—' })}
              {overdue && <span className="badge badge-danger">{t('casework.urgent.overdue')}</span>}
            </dd>
            {c.dangerStatement && (
              <>
                <dt>{t('casework.urgent.dangerStatement')}</dt>
                <dd className="prose">{c.dangerStatement}</dd>
              </>
            )}
          </>
        )}
        {c.previousCase && (
          <>
            <dt>{t('casework.repeat.label')}</dt>
            <dd>
              <Link to={`/cases/${c.previousCase.id}`}>{c.previousCase.reference}</Link> ({t(`stages.${c.previousCase.stage}`)})
            </dd>
          </>
        )}
        {c.urgentConferenceRequestedAt && (
          <>
            <dt>{t('casework.escalation.label')}</dt>
            <dd>{t('casework.escalation.requested', { at: formatDateTime(c.urgentConferenceRequestedAt, i18n.language) })}</dd>
          </>
        )}
        {c.reopenedAt && (
          <>
            <dt>{t('casework.reopen.label')}</dt>
            <dd>{formatDateTime(c.reopenedAt, i18n.language)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
