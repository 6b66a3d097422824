import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import { formatDate } from '../../../lib/formatDate';
import type { AnonymisedCase, LimitedCase } from '../types';
import { ChainStepper } from './ChainStepper';
import { IncidentsSection } from './IncidentsSection';
import { formatDateTime } from '../../../lib/formatDateTime';

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
      {'outcome' in c && c.outcome && (
        <section aria-labelledby="outcome-title" className="panel">
          <h2 id="outcome-title">{t('casework.outcome.title')}</h2>
          <p>
            {c.outcome.closureReason && t(`closureReasons.${c.outcome.closureReason}`)}
            {c.outcome.at && ` (${formatDateTime(c.outcome.at, i18n.language)})`}
          </p>
          {c.outcome.reason && (
            <blockquote className="prose" data-testid="outcome-reason">
              {c.outcome.reason}
            </blockquote>
          )}
        </section>
      )}
      {'urgent' in c && c.urgent && c.triageDueAt && !c.triagedAt && (
        <p>
          <span className="badge badge-danger">{t('casework.urgent.badge')}</span>{' '}
          {t('casework.urgent.due', { at: formatDateTime(c.triageDueAt, i18n.language) })}
        </p>
      )}
      {!anonymisedAt && <IncidentsSection caseId={c.id} incidents={('incidents' in c && c.incidents) || []} canAdd={c.stage !== 'AFGESLOTEN'} />}
      <p className="alert alert-info">
        {anonymisedAt ? t('case.anonymisedNotice', { date: formatDate(anonymisedAt.slice(0, 10), i18n.language) }) : t('case.limitedNotice')}
      </p>
      <Link to="/cases">{t('case.backToList')}</Link>
    </section>
  );
}
