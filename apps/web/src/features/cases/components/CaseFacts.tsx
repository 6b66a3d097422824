import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/formatDate';
import { useAgencyDirectory } from '../../../api/agencyDirectory';
import type { CaseDetail } from '../types';

interface CaseFactsProps {
  caseData: CaseDetail;
}

/** The referral: what happened, when, and whether the persons were informed and agreed. */
export function CaseFacts({ caseData: c }: CaseFactsProps) {
  const { t, i18n } = useTranslation();
  const directory = useAgencyDirectory();
  const agencyName = (id: string) => directory.data?.find((a) => a.id === id)?.name ?? t('common.unknownAgency');
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title">{t('case.facts.title')}</h2>
      <p className="prose">{c.summary}</p>
      <dl className="details">
        <dt>{t('case.facts.incidentDate')}</dt>
        <dd>{formatDate(c.incident.date, i18n.language)}</dd>
        <dt>{t('case.facts.violenceTypes')}</dt>
        <dd>{c.incident.types.map((v) => t(`violenceForms.${v}`)).join(', ')}</dd>
        {c.incident.policeReference && (
          <>
            <dt>{t('case.facts.policeReference')}</dt>
            <dd>{c.incident.policeReference}</dd>
          </>
        )}
        <dt>{t('case.facts.informed')}</dt>
        <dd>{c.informed ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('case.facts.consentGiven')}</dt>
        <dd>{c.consentGiven ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('case.facts.protocol')}</dt>
        <dd>{c.protocol.reference ? `${c.protocol.title} (${c.protocol.reference})` : c.protocol.title}</dd>
        <dt>{t('case.facts.signatories')}</dt>
        <dd>{directory.isPending ? t('common.loading') : c.protocol.agencyIds.map(agencyName).join(', ')}</dd>
      </dl>
    </section>
  );
}
