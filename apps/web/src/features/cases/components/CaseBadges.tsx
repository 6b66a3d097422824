import { isOneOf, RISK_LEVELS } from '@schakel/domain';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../types';

interface CaseBadgesProps {
  caseSummary: Pick<CaseSummary, 'repeatReferral' | 'redFlags' | 'riskLevel'>;
}

/** The signals a case director scans a list for: repeat referral, red flags, the assessed risk. */
export function CaseBadges({ caseSummary }: CaseBadgesProps) {
  const { t } = useTranslation();
  const { repeatReferral, redFlags, riskLevel } = caseSummary;
  if (!repeatReferral && redFlags.length === 0 && !riskLevel) return <span className="muted">—</span>;
  return (
    <ul className="badges">
      {repeatReferral && <li className="badge badge-warning">{t('cases.badges.repeatReferral')}</li>}
      {redFlags.length > 0 && <li className="badge badge-danger">{t('cases.badges.redFlags', { count: redFlags.length })}</li>}
      {riskLevel && (
        <li className="badge">
          {t('cases.badges.risk', { level: isOneOf(RISK_LEVELS, riskLevel) ? t(`riskLevels.${riskLevel}`) : riskLevel })}
        </li>
      )}
    </ul>
  );
}
