import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/formatDate';
import type { CaseDetail, TimelineItem } from '../types';

interface TimelineDetailProps {
  item: TimelineItem;
  caseData: CaseDetail;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The one line of detail a timeline entry carries (never content: the timeline says what happened, not what was said). */
export function TimelineDetail({ item, caseData }: TimelineDetailProps) {
  const { t, i18n } = useTranslation();
  const d = item.detail ?? {};
  const agencyName = (id: unknown) => caseData.agencies.find((a) => a.id === id)?.name ?? t('common.unknownAgency');
  const personName = (id: unknown) => {
    const p = caseData.persons.find((x) => x.id === id);
    return p ? `${p.firstName} ${p.lastName}` : t('case.unknownPerson');
  };
  let text: string | null = null;
  switch (item.type) {
    case 'TRANSITION': {
      const from = str(d['from']);
      const to = str(d['to']);
      if (from && to) text = t('timeline.detail.transition', { from: t(`stages.${from}` as never), to: t(`stages.${to}` as never) });
      break;
    }
    case 'AGENCY_INVITED':
      text = str(d['agencyName']) ?? agencyName(d['agencyId']);
      break;
    case 'CONTRIBUTION_ADDED':
      text = t('timeline.detail.contribution', { agency: agencyName(d['agencyId']), category: t(`dataCategories.${String(d['category'])}` as never) });
      break;
    case 'CONTRIBUTION_WAIVED':
      text = agencyName(d['agencyId']);
      break;
    case 'DECISION':
      if (str(d['type'])) text = t(`decisionTypes.${String(d['type'])}` as never);
      break;
    case 'EVALUATION':
      if (str(d['outcome'])) text = t(`evaluationOutcomes.${String(d['outcome'])}` as never);
      break;
    case 'DISCLOSURE': {
      const to = Array.isArray(d['toAgencyIds']) ? (d['toAgencyIds'] as unknown[]).map(agencyName).join(', ') : '';
      text = t('timeline.detail.disclosure', { agencies: to, basis: t(`legalBases.${String(d['legalBasis'])}` as never), seq: String(d['seq'] ?? '') });
      break;
    }
    case 'ACTION_CREATED':
      text = t('timeline.detail.action', {
        measure: t(`measures.${String(d['measure'])}` as never),
        agency: agencyName(d['ownerAgencyId']),
        date: formatDate(str(d['dueDate']), i18n.language),
      });
      break;
    case 'ACTION_UPDATED': {
      const after = (d['after'] ?? {}) as Record<string, unknown>;
      if (str(after['status'])) text = t(`actionStatuses.${String(after['status'])}` as never);
      break;
    }
    case 'CONSENT_RECORDED':
      text = t('timeline.detail.consent', { person: personName(d['personId']), status: t(`consentStatuses.${String(d['status'])}` as never) });
      break;
    case 'CONSENT_WITHDRAWN':
    case 'NOTICE_RECORDED':
      text = personName(d['personId']);
      if (item.type === 'NOTICE_RECORDED') text += ` — ${d['withheld'] ? t('notices.withheld') : t('notices.informed')}`;
      break;
    case 'REFERRED':
      if (d['repeatReferral'] === true) text = t('cases.badges.repeatReferral');
      break;
  }
  return text ? <p className="timeline-detail">{text}</p> : null;
}
