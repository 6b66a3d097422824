import { z } from 'zod/mini';
import { agencyPageSchema, agencySchema } from './agencies';
import {
  handoverSchema,
  teamCandidateListSchema,
  caseDetailSchema,
  caseIncidentSchema,
  caseListItemSchema,
  caseListPageSchema,
  caseSummarySchema,
  caseTeamSchema,
  caseViewSchema,
  decisionListSchema,
  decisionSchema,
  limitedCaseSchema,
  referralResultSchema,
  timelineSchema,
  unacknowledgedCaseSchema,
  anonymisedCaseSchema,
  agencyInvitationSchema,
  contributionWaiverSchema,
  legalHoldSchema,
  caseErasureSchema,
} from './cases';
import { dataRequestListSchema, dataRequestSchema, personExportSchema, personSchema, relationshipListSchema, relationshipSchema } from './persons';
import {
  accessListSchema,
  confidentialityAcknowledgementSchema,
  confidentialityStatementSchema,
  protocolDetailSchema,
  protocolPageSchema,
  protocolSchema,
} from './protocols';
import {
  chainVerdictSchema,
  checkpointSchema,
  sharingLogPublicKeySchema,
  legalBasisOptionListSchema,
  consistencyProofSchema,
  cosignatureSchema,
  inclusionProofSchema,
  witnessKeySchema,
  sharingLogPageSchema,
  sharingLogExportSchema,
  disclosureSchema,
  personDisclosureSchema,
  disclosureReviewPageSchema,
  disclosureReviewOutcomeSchema,
} from './sharing-log';
import {
  loginResponseSchema,
  meSchema,
  mfaConfirmationSchema,
  mfaEnrolmentSchema,
  oidcStatusSchema,
  tokenResponseSchema,
  userPageSchema,
  userSchema,
} from './users';
import { workQueueSchema } from './work-queue';
import { agencyConsequencesSchema, caseConsequencesSchema, protocolConsequencesSchema, userConsequencesSchema } from './consequences';
import { riskAssessmentListSchema, riskAssessmentSchema, riskInstrumentListSchema, riskInstrumentSchema } from './risk';
import { annualReportSchema, processingRecordSchema, statisticsOverviewSchema } from './statistics';
import {
  conferenceAcknowledgementSchema,
  conferenceDetailSchema,
  conferencePageSchema,
  conferenceSchema,
  invitableListSchema,
  itemMinutesSchema,
  savedItemMinutesSchema,
  scheduledConferenceSchema,
  startedConferenceSchema,
} from './conferences';
import {
  loginAuditPageSchema,
  accessAnomaliesSchema,
  accessLogPageSchema,
  legalBasisListSchema,
  notificationPageSchema,
  notificationSchema,
  notificationsMarkedSchema,
} from './logs';
import {
  caseActionListSchema,
  caseActionSchema,
  consentSchema,
  consentsAndNoticesSchema,
  contributionListSchema,
  contributionSchema,
  evaluationListSchema,
  recordedEvaluationSchema,
  noticeSchema,
  remindersSchema,
  useRestrictionSchema,
} from './casework';
import { livenessSchema, readinessSchema } from './health';

/**
 * Every response contract by the name it has in the OpenAPI document (`#/components/schemas/<name>`).
 * A schema used inside another is emitted once and referenced; the API's `@ApiContract(name)` ties
 * a route's documented answer and its return type to one entry here.
 */
export const RESPONSE_CONTRACTS = {
  Agency: agencySchema,
  AgencyPage: agencyPageSchema,
  User: userSchema,
  UserPage: userPageSchema,
  Me: meSchema,
  MfaEnrolment: mfaEnrolmentSchema,
  TokenResponse: tokenResponseSchema,
  LoginResponse: loginResponseSchema,
  Protocol: protocolSchema,
  ProtocolPage: protocolPageSchema,
  ProtocolDetail: protocolDetailSchema,
  ConfidentialityStatement: confidentialityStatementSchema,
  ConfidentialityAcknowledgement: confidentialityAcknowledgementSchema,
  AccessList: accessListSchema,
  Person: personSchema,
  Relationship: relationshipSchema,
  RelationshipList: relationshipListSchema,
  DataRequest: dataRequestSchema,
  DataRequestList: dataRequestListSchema,
  CaseIncident: caseIncidentSchema,
  CaseSummary: caseSummarySchema,
  CaseListItem: caseListItemSchema,
  CaseListPage: caseListPageSchema,
  LimitedCase: limitedCaseSchema,
  UnacknowledgedCase: unacknowledgedCaseSchema,
  AnonymisedCase: anonymisedCaseSchema,
  CaseDetail: caseDetailSchema,
  CaseView: caseViewSchema,
  CaseTeam: caseTeamSchema,
  TeamCandidateList: teamCandidateListSchema,
  Handover: handoverSchema,
  Timeline: timelineSchema,
  Decision: decisionSchema,
  DecisionList: decisionListSchema,
  ReferralResult: referralResultSchema,
  WorkQueue: workQueueSchema,
  UseRestriction: useRestrictionSchema,
  ContributionList: contributionListSchema,
  Consent: consentSchema,
  Notice: noticeSchema,
  ConsentsAndNotices: consentsAndNoticesSchema,
  CaseAction: caseActionSchema,
  CaseActionList: caseActionListSchema,
  EvaluationList: evaluationListSchema,
  Reminders: remindersSchema,
  RiskInstrumentList: riskInstrumentListSchema,
  RiskAssessment: riskAssessmentSchema,
  RiskAssessmentList: riskAssessmentListSchema,
  StatisticsOverview: statisticsOverviewSchema,
  ConferencePage: conferencePageSchema,
  ConferenceDetail: conferenceDetailSchema,
  ItemMinutes: itemMinutesSchema,
  InvitableList: invitableListSchema,
  Notification: notificationSchema,
  NotificationPage: notificationPageSchema,
  NotificationsMarked: notificationsMarkedSchema,
  LegalBasisList: legalBasisListSchema,
  AccessLogPage: accessLogPageSchema,
  Checkpoint: checkpointSchema,
  ChainVerdict: chainVerdictSchema,
  SharingLogPublicKey: sharingLogPublicKeySchema,
  LegalBasisOptionList: legalBasisOptionListSchema,
  InclusionProof: inclusionProofSchema,
  ConsistencyProof: consistencyProofSchema,
  WitnessKey: witnessKeySchema,
  Cosignature: cosignatureSchema,
  SharingLogPage: sharingLogPageSchema,
  SharingLogExport: sharingLogExportSchema,
  Disclosure: disclosureSchema,
  PersonDisclosure: personDisclosureSchema,
  ProtocolConsequences: protocolConsequencesSchema,
  CaseConsequences: caseConsequencesSchema,
  AgencyConsequences: agencyConsequencesSchema,
  UserConsequences: userConsequencesSchema,
  DisclosureReviewPage: disclosureReviewPageSchema,
  DisclosureReviewOutcome: disclosureReviewOutcomeSchema,
  LoginAuditPage: loginAuditPageSchema,
  Conference: conferenceSchema,
  ScheduledConference: scheduledConferenceSchema,
  ConferenceAcknowledgement: conferenceAcknowledgementSchema,
  StartedConference: startedConferenceSchema,
  SavedItemMinutes: savedItemMinutesSchema,
  AnnualReport: annualReportSchema,
  ProcessingRecord: processingRecordSchema,
  PersonExport: personExportSchema,
  MfaConfirmation: mfaConfirmationSchema,
  OidcStatus: oidcStatusSchema,
  AccessAnomalies: accessAnomaliesSchema,
  AgencyInvitation: agencyInvitationSchema,
  ContributionWaiver: contributionWaiverSchema,
  LegalHold: legalHoldSchema,
  CaseErasure: caseErasureSchema,
  RecordedContribution: contributionSchema,
  RecordedEvaluation: recordedEvaluationSchema,
  RiskInstrument: riskInstrumentSchema,
  Liveness: livenessSchema,
  Readiness: readinessSchema,
} as const;

export type ContractName = keyof typeof RESPONSE_CONTRACTS;
/** The body type of a named contract. */
export type ResponseOf<K extends ContractName> = z.infer<(typeof RESPONSE_CONTRACTS)[K]>;

type JsonSchema = { [key: string]: unknown };

/** Regex patterns zod adds beside a `format`, and the safe-integer bounds beside `integer`: noise in a reference document. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node as JsonSchema)) {
    if (k === '$id' || k === '$schema') continue;
    if (k === 'pattern' && typeof (node as JsonSchema)['format'] === 'string') continue;
    if ((k === 'minimum' || k === 'maximum') && Math.abs(v as number) === Number.MAX_SAFE_INTEGER) continue;
    out[k] = tidy(v);
  }
  // A nullable reference to an object contract: OpenAPI 3.0 wants `type` beside `nullable`.
  if (out['nullable'] === true && !out['type'] && Array.isArray(out['allOf'])) out['type'] = 'object';
  return out;
}

let cached: Record<ContractName, JsonSchema> | undefined;

/**
 * The contracts as OpenAPI 3.0 schema objects, keyed by contract name; nested contracts are
 * `$ref`s to `#/components/schemas/<name>`. The API adds them to its document's components.
 */
export function contractJsonSchemas(): Record<ContractName, JsonSchema> {
  if (cached) return cached;
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(RESPONSE_CONTRACTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: 'openapi-3.0', uri: (id) => `#/components/schemas/${id}` });
  cached = tidy(schemas) as Record<ContractName, JsonSchema>;
  return cached;
}

/** Checks a response body against its contract (the contracts test; any client that wants to). */
export function checkResponse<K extends ContractName>(name: K, body: unknown) {
  return RESPONSE_CONTRACTS[name].safeParse(body);
}
