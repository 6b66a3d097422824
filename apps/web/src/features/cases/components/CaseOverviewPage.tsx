import { useState } from 'react';
import { useMe } from '../../me/hooks/useMe';
import { StatusMessage } from '../../../components/StatusMessage';
import { useCaseContext } from '../hooks/useCaseContext';
import { CaseAgencies } from './CaseAgencies';
import { CaseFacts } from './CaseFacts';
import { CaseTeamPanel } from './CaseTeamPanel';
import { CaseworkFacts } from './CaseworkFacts';
import { IncidentsSection } from './IncidentsSection';
import { ReopenButton } from './ReopenButton';
import { DecisionForm } from './DecisionForm';
import { DecisionsList } from './DecisionsList';
import { EvaluationForm } from './EvaluationForm';
import { EvaluationsList } from './EvaluationsList';
import { PersonsList } from './PersonsList';

/** /cases/:caseId: the referral, the persons, the partner agencies, and the decision or evaluation the step calls for. */
export function CaseOverviewPage() {
  const { caseData, can } = useCaseContext();
  const { data: me } = useMe();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <StatusMessage message={notice} />
      {can.reopen && <ReopenButton caseId={caseData.id} onDone={setNotice} />}
      <CaseworkFacts caseData={caseData} />
      {can.decide && (caseData.stage === 'WEGING' || caseData.stage === 'DOSSIERVORMING') && <DecisionForm caseId={caseData.id} onDone={setNotice} />}
      {can.evaluate && caseData.stage === 'EVALUATIE' && <EvaluationForm caseId={caseData.id} onDone={setNotice} />}
      <CaseFacts caseData={caseData} />
      <PersonsList
        persons={caseData.persons}
        caseData={caseData}
        canEdit={can.editPersons}
        canRequest={can.requestPersonData}
        myAgencyId={me?.agency.id}
        onDone={setNotice}
      />
      <CaseTeamPanel caseData={caseData} can={can} onDone={setNotice} />
      <IncidentsSection
        caseId={caseData.id}
        incidents={caseData.incidents ?? []}
        canAdd={caseData.stage !== 'AFGESLOTEN' && me?.agency.id === caseData.referringAgencyId}
      />
      <CaseAgencies caseData={caseData} can={can} />
      <DecisionsList caseId={caseData.id} />
      {can.readActions && <EvaluationsList caseId={caseData.id} />}
    </>
  );
}
