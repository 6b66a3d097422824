import { AccessLogEntry } from '../modules/access-log/access-log-entry.entity';
import { CaseAction } from '../modules/actions/case-action.entity';
import { Evaluation } from '../modules/actions/evaluation.entity';
import { Agency } from '../modules/agencies/agency.entity';
import { CaseAgency } from '../modules/cases/entities/case-agency.entity';
import { CaseIncident } from '../modules/cases/entities/case-incident.entity';
import { CaseTeamMember } from '../modules/cases/entities/case-team-member.entity';
import { CaseEvent } from '../modules/cases/entities/case-event.entity';
import { CaseRecord } from '../modules/cases/entities/case.entity';
import { Decision } from '../modules/cases/entities/decision.entity';
import { Person } from '../modules/cases/entities/person.entity';
import { Consent } from '../modules/consent/consent.entity';
import { CaseKey } from '../modules/crypto/case-key.entity';
import { PersonDataRequest, PersonDisclosure, PersonRelationship } from '../modules/persons/person-records.entity';
import { Notice } from '../modules/consent/notice.entity';
import { ConferenceInvitee } from '../modules/conferences/entities/conference-invitee.entity';
import { ConferenceItem } from '../modules/conferences/entities/conference-item.entity';
import { Conference } from '../modules/conferences/entities/conference.entity';
import { Contribution } from '../modules/contributions/contribution.entity';
import { LegalBasisReferenceRow, LegalBasisRow } from '../modules/legal-bases/legal-basis.entities';
import { LoginAudit } from '../modules/identity/entities/login-audit.entity';
import { RefreshToken } from '../modules/identity/entities/refresh-token.entity';
import { User } from '../modules/identity/entities/user.entity';
import { ProtocolAgency } from '../modules/protocols/protocol-agency.entity';
import { Protocol } from '../modules/protocols/protocol.entity';
import { ConfidentialityStatement, ProtocolAcknowledgement, ProtocolApproval, ProtocolEvent } from '../modules/protocols/protocol-records.entities';
import { Notification } from '../modules/notifications/notification.entity';
import { RiskAssessment } from '../modules/risk/risk-assessment.entity';
import { CheckpointRow, CosignatureRow, Disclosure, DisclosureRecipient, SharingLogRow, TreeHeadRow, WitnessKey } from '../modules/sharing/sharing.entities';
import { DisclosureReview } from '../modules/sharing/disclosure-review.entity';

// Every TypeORM entity, listed explicitly so the same list works from TS sources (tests) and the build.
export const ENTITIES: Function[] = [
  Agency,
  User,
  RefreshToken,
  LoginAudit,
  Protocol,
  ProtocolAgency,
  CaseRecord,
  CaseAgency,
  Person,
  CaseEvent,
  Decision,
  Contribution,
  CaseAction,
  Evaluation,
  AccessLogEntry,
  Consent,
  Notice,
  Disclosure,
  DisclosureRecipient,
  SharingLogRow,
  CheckpointRow,
  RiskAssessment,
  Conference,
  ConferenceItem,
  ConferenceInvitee,
  TreeHeadRow,
  WitnessKey,
  CosignatureRow,
  LegalBasisRow,
  LegalBasisReferenceRow,
  DisclosureReview,
  ProtocolApproval,
  ProtocolEvent,
  ConfidentialityStatement,
  ProtocolAcknowledgement,
  CaseKey,
  PersonRelationship,
  PersonDisclosure,
  PersonDataRequest,
  CaseTeamMember,
  CaseIncident,
  Notification,
];
