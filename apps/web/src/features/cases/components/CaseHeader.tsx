import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/formatDateTime';
import type { CaseDetail } from '../types';
import { CaseBadges } from './CaseBadges';
import { RedFlagList } from './RedFlagList';

interface CaseHeaderProps {
  caseData: CaseDetail;
}

/** Where the case stands: step, protocol, signals, red flags. */
export function CaseHeader({ caseData: c }: CaseHeaderProps) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="details case-header">
      <dt>{t('cases.stage')}</dt>
      <dd>
        {t(`stages.${c.stage}`)}
        {c.closureReason && ` — ${t(`closureReasons.${c.closureReason}`)}`}
      </dd>
      <dt>{t('case.protocol')}</dt>
      <dd>
        {c.protocol.title}
        {c.protocol.reference && ` (${c.protocol.reference})`}
        {!c.protocol.inForce && <span className="badge badge-danger">{t('case.protocolNotInForce')}</span>}
      </dd>
      <dt>{t('cases.referredAt')}</dt>
      <dd>{formatDateTime(c.createdAt, i18n.language)}</dd>
      <dt>{t('cases.signals')}</dt>
      <dd>
        <CaseBadges caseSummary={c} />
      </dd>
      <dt>{t('case.redFlags')}</dt>
      <dd>
        <RedFlagList codes={c.redFlags} />
      </dd>
      {c.legalHold && (
        <>
          <dt>{t('case.legalHold')}</dt>
          <dd>{t('case.legalHoldOn')}</dd>
        </>
      )}
    </dl>
  );
}
