import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import { formatDate } from '../../../lib/formatDate';
import type { AnonymisedCase, LimitedCase } from '../types';
import { ChainStepper } from './ChainStepper';

interface CaseLimitedViewProps {
  caseData: LimitedCase | AnonymisedCase;
}

/**
 * What a referrer following their referral may see: its reference and where it is in the chain.
 * A case anonymised after its retention period shows the same, for everyone.
 */
export function CaseLimitedView({ caseData: c }: CaseLimitedViewProps) {
  const { t, i18n } = useTranslation();
  const anonymisedAt = 'anonymisedAt' in c ? c.anonymisedAt : null;
  return (
    <section>
      <PageHeading>{t('case.title', { reference: c.reference })}</PageHeading>
      <dl className="details">
        <dt>{t('cases.reference')}</dt>
        <dd>{c.reference}</dd>
        <dt>{t('cases.stage')}</dt>
        <dd>
          {t(`stages.${c.stage}`)}
          {c.closureReason && ` — ${t(`closureReasons.${c.closureReason}`)}`}
        </dd>
      </dl>
      <ChainStepper stage={c.stage} closureReason={c.closureReason} />
      <p className="alert alert-info">
        {anonymisedAt ? t('case.anonymisedNotice', { date: formatDate(anonymisedAt.slice(0, 10), i18n.language) }) : t('case.limitedNotice')}
      </p>
      <Link to="/cases">{t('case.backToList')}</Link>
    </section>
  );
}
