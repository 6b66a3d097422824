import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/formatDate';
import { formatDateTime } from '../../../lib/formatDateTime';
import type { WorkItem } from '../api/workQueue';

/** Triage age in words: hours for the first two days, then days. */
function age(t: TFunction, hours: number): string {
  return hours < 48 ? t('workQueue.age.hours', { count: hours }) : t('workQueue.age.days', { count: Math.floor(hours / 24) });
}

/** The link text of an item: what it is about (a reference, a protocol, a person, a date). */
function label(t: TFunction, item: WorkItem, lang: string): string {
  switch (item.type) {
    case 'CONFERENCE_UPCOMING':
    case 'CONFERENCE_TO_ACKNOWLEDGE':
      return t('workQueue.conferenceOn', { date: formatDateTime(item.scheduledAt ?? '', lang) });
    case 'PROTOCOL_TO_APPROVE':
    case 'PROTOCOL_EXPIRING':
      return item.title ?? '';
    case 'LOG_TO_WITNESS':
      return t('workQueue.logEntries', { count: item.count ?? 0 });
    case 'ACCESS_ANOMALY':
    case 'ACCOUNT_LOCKED':
    case 'ACCOUNT_WITHOUT_MFA':
      return item.displayName ?? item.email ?? '';
    default:
      return item.caseReference ?? '';
  }
}

/** The line under the link: why it waits and since when, in words and dates. */
function detail(t: TFunction, item: WorkItem, lang: string): string {
  const date = formatDate(item.dueDate, lang);
  switch (item.type) {
    case 'REFERRAL_TO_ACCEPT':
      return t('workQueue.detail.referral', { age: age(t, item.ageHours ?? 0), count: item.count ?? 0 });
    case 'CASE_READY_FOR_NEXT_STEP':
      return t('workQueue.detail.ready', { stage: t(`stages.${item.stage}` as never), next: t(`stages.${item.nextStage}` as never) });
    case 'CONFERENCE_UPCOMING':
      return t('workQueue.detail.conference', {
        count: item.count ?? 0,
        acknowledgements: item.missing?.acknowledgements ?? 0,
        contributions: item.missing?.contributions ?? 0,
      });
    case 'ACTION_OVERDUE':
    case 'ACTION_DUE':
      return t('workQueue.detail.action', { measure: t(`measures.${item.measure}` as never), date });
    case 'NOTICE_REVIEW_DUE':
    case 'NOTICE_REVIEW_OVERDUE':
      return t('workQueue.detail.noticeReview', { date });
    case 'CONSENT_EXPIRING':
    case 'PROTOCOL_EXPIRING':
      return t('workQueue.detail.validUntil', { date });
    case 'CONTRIBUTION_ASKED':
      return t('workQueue.detail.askedOn', { date: formatDateTime(item.since ?? '', lang) });
    case 'CONFERENCE_TO_ACKNOWLEDGE':
      return t('workQueue.detail.acknowledge');
    case 'OWN_REFERRAL':
      return item.outcome
        ? t('workQueue.detail.closed', { reason: t(`closureReasons.${item.outcome}` as never) })
        : t('workQueue.detail.stage', { stage: t(`stages.${item.stage}` as never) });
    case 'PROTOCOL_TO_APPROVE':
      return t('workQueue.detail.submittedOn', { date: formatDateTime(item.since ?? '', lang) });
    case 'LOG_TO_WITNESS':
      return t('workQueue.detail.witness');
    case 'ACCESS_ANOMALY':
      return t('workQueue.detail.accessVolume', { count: item.count ?? 0 });
    case 'DISCLOSURE_TO_REVIEW':
      return t('workQueue.detail.necessity', { seq: item.count ?? 0, date: formatDateTime(item.since ?? '', lang) });
    case 'ACCOUNT_LOCKED':
      return t('workQueue.detail.lockedUntil', { email: item.email, date: formatDateTime(item.until ?? '', lang) });
    case 'ACCOUNT_WITHOUT_MFA':
      return item.mfaRequired ? t('workQueue.detail.mfaRequired', { email: item.email }) : t('workQueue.detail.mfaOptional', { email: item.email });
  }
}

/** One item: a link to where it is done, what it is, and a status badge that says it in words. */
export function WorkItemRow({ item }: { item: WorkItem }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="work-item">
      <Link to={item.link}>{label(t, item, i18n.language)}</Link>
      {item.overdue && <span className="badge badge-danger">{t('workQueue.overdue')}</span>}
      {item.repeatReferral && <span className="badge badge-warning">{t('workQueue.repeat')}</span>}
      <span className="work-item-detail">{detail(t, item, i18n.language)}</span>
    </li>
  );
}
