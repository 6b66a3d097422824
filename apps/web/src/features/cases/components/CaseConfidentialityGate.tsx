import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageHeading } from '../../../components/PageHeading';
import { errorMessage } from '../../../lib/errorMessage';
import { statementText, useAcknowledgeProtocol, useConfidentialityStatement } from '../../protocols/api/confidentiality';
import type { UnacknowledgedCase } from '../types';
import { ChainStepper } from './ChainStepper';

/**
 * A partner who has not yet confirmed the confidentiality statement of the case's protocol sees the
 * reference, the stage and the roles only, and confirms here (art. 458ter §2, issue 9).
 */
export function CaseConfidentialityGate({ caseData: c }: { caseData: UnacknowledgedCase }) {
  const { t, i18n } = useTranslation();
  const statement = useConfidentialityStatement(c.confidentiality.protocolId);
  const acknowledge = useAcknowledgeProtocol();
  return (
    <section>
      <PageHeading>{t('case.title', { reference: c.reference })}</PageHeading>
      <dl className="details">
        <dt>{t('cases.reference')}</dt>
        <dd>{c.reference}</dd>
        <dt>{t('cases.stage')}</dt>
        <dd>{t(`stages.${c.stage}`)}</dd>
      </dl>
      <ChainStepper stage={c.stage} closureReason={c.closureReason} />
      <h2>{t('law.ackRoles')}</h2>
      <ul>
        {c.persons.map((p) => (
          <li key={p.id}>{t(`personRoles.${p.role}`)}</li>
        ))}
      </ul>
      <section aria-labelledby="ack-title" className="card">
        <h2 id="ack-title">{t('law.ackTitle')}</h2>
        <p>{t('law.ackIntro', { protocol: c.confidentiality.protocolTitle })}</p>
        {statement.isPending ? (
          <LoadingState />
        ) : (
          statement.data && <blockquote className="prose">{statementText(statement.data.statement, i18n.language)}</blockquote>
        )}
        <FormAlert>{acknowledge.error ? errorMessage(acknowledge.error, t) : null}</FormAlert>
        <button
          type="button"
          className="button-primary"
          aria-disabled={acknowledge.isPending || undefined}
          onClick={() => !acknowledge.isPending && acknowledge.mutate(c.confidentiality.protocolId)}
        >
          {t('law.ackButton')}
        </button>
      </section>
      <Link to="/cases">{t('case.backToList')}</Link>
    </section>
  );
}
