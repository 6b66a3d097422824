import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/formatDateTime';
import type { CaseDetail, Contribution } from '../types';

interface ContributionListProps {
  caseData: CaseDetail;
  contributions: Contribution[];
  myAgencyId: string;
  canShare: boolean;
  onShare: (contribution: Contribution) => void;
}

/** Contributions grouped per agency: the user's own agency first, then what other agencies shared with it. */
export function ContributionList({ caseData, contributions, myAgencyId, canShare, onShare }: ContributionListProps) {
  const { t, i18n } = useTranslation();
  const agencyName = (id: string) => caseData.agencies.find((a) => a.id === id)?.name ?? t('common.unknownAgency');
  const agencyIds = [...new Set(contributions.map((c) => c.agencyId))].sort((a, b) =>
    a === myAgencyId ? -1 : b === myAgencyId ? 1 : agencyName(a).localeCompare(agencyName(b)),
  );
  if (contributions.length === 0) return <p>{t('contributions.empty')}</p>;
  return (
    <>
      {agencyIds.map((agencyId) => {
        const own = agencyId === myAgencyId;
        const headingId = `contributions-${agencyId}`;
        return (
          <section key={agencyId} aria-labelledby={headingId} className="contribution-group">
            <h3 id={headingId}>
              {agencyName(agencyId)}
              {own ? ` — ${t('contributions.ownAgency')}` : ` — ${t('contributions.sharedWithYou')}`}
            </h3>
            <ul className="plain contribution-list">
              {contributions
                .filter((c) => c.agencyId === agencyId)
                .map((c) => (
                  <li key={c.id} className="card">
                    <p className="meta">
                      <strong>{t(`dataCategories.${c.category}`)}</strong> · {formatDateTime(c.createdAt, i18n.language)}
                    </p>
                    <p className="prose">{c.content}</p>
                    {c.useRestriction && (
                      <p className="alert alert-warning use-restriction" data-testid="use-restriction">
                        {t('law.useRestriction')}
                      </p>
                    )}
                    {(c.disclosures ?? []).length > 0 && (
                      <ul className="meta disclosure-marks">
                        {(c.disclosures ?? []).map((d) => (
                          <li key={`${d.at}-${d.legalBasis}`}>
                            {t('law.sharedUnder', {
                              basis: t(`legalBases.${d.legalBasis}`),
                              reference: [d.legalReference, d.provision].filter(Boolean).join(' · ') || '—',
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
                    {own && (
                      <p className="meta">
                        {c.sharedWithAgencyIds.length > 0
                          ? t('contributions.sharedWith', { agencies: c.sharedWithAgencyIds.map(agencyName).join(', ') })
                          : t('contributions.notShared')}
                      </p>
                    )}
                    {own && canShare && (
                      <button type="button" onClick={() => onShare(c)}>
                        {t('contributions.share')}
                        <span className="visually-hidden">
                          {' '}
                          {t('contributions.shareWhich', { category: t(`dataCategories.${c.category}`), date: formatDateTime(c.createdAt, i18n.language) })}
                        </span>
                      </button>
                    )}
                  </li>
                ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
