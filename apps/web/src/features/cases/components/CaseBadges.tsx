import { isOneOf, RISK_LEVELS } from '@schakel/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/formatDateTime';
import type { CaseSummary } from '../types';

interface CaseBadgesProps {
  caseSummary: Pick<CaseSummary, 'repeatReferral' | 'redFlags' | 'riskLevel'> & Partial<Pick<CaseSummary, 'urgent' | 'triageDueAt' | 'triagedAt'>>;
}

/** The signals a case director scans a list for: repeat referral, red flags, the assessed risk. */
export function CaseBadges({ caseSummary }: CaseBadgesProps) {
  const { t, i18n } = useTranslation();
  const { repeatReferral, redFlags, riskLevel } = caseSummary;
  // An urgent referral not yet triaged shows its one-working-day deadline (the directors' countdown).
  const triage = caseSummary.urgent && !caseSummary.triagedAt && caseSummary.triageDueAt ? caseSummary.triageDueAt : null;
  if (!repeatReferral && redFlags.length === 0 && !riskLevel && !triage) return <span className="muted">—</span>;
  return (
    <ul className="badges">
      {triage && (
        <li className="badge badge-danger">
          {t('casework.urgent.badge')}: {t('casework.urgent.due', { at: formatDateTime(triage, i18n.language) })}
        </li>
      )}
      {repeatReferral && <li className="badge badge-warning">{t('cases.badges.repeatReferral')}</li>}
      {redFlags.length > 0 && <li className="badge badge-danger">{t('cases.badges.redFlags', { count: redFlags.length })}</li>}
      {riskLevel && <li className="badge">{t('cases.badges.risk', { level: isOneOf(RISK_LEVELS, riskLevel) ? t(`riskLevels.${riskLevel}`) : riskLevel })}</li>}
    </ul>
  );
}
