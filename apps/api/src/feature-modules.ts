import { AccessLogModule } from './modules/access-log/access-log.module';
import { ActionsModule } from './modules/actions/actions.module';
import { AgenciesModule } from './modules/agencies/agencies.module';
import { CasesModule } from './modules/cases/cases.module';
import { ConferencesModule } from './modules/conferences/conferences.module';
import { ConsentModule } from './modules/consent/consent.module';
import { ContributionsModule } from './modules/contributions/contributions.module';
import { CryptoModule } from './modules/crypto/crypto.module';
import { IdentityModule } from './modules/identity/identity.module';
import { LegalBasesModule } from './modules/legal-bases/legal-bases.module';
import { PersonsModule } from './modules/persons/persons.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ProtocolsModule } from './modules/protocols/protocols.module';
import { RiskModule } from './modules/risk/risk.module';
import { SharingModule } from './modules/sharing/sharing.module';
import { StatisticsModule } from './modules/statistics/statistics.module';
import { ConsequencesModule } from './modules/consequences/consequences.module';
import { WorkQueueModule } from './modules/work-queue/work-queue.module';

// The bounded contexts of the API (architecture.md), in one list so the app and the
// authorization-matrix test see the same set.
export const FEATURE_MODULES = [
  CryptoModule,
  NotificationsModule,
  AgenciesModule,
  IdentityModule,
  AccessLogModule,
  ProtocolsModule,
  CasesModule,
  ContributionsModule,
  ActionsModule,
  ConsentModule,
  SharingModule,
  RiskModule,
  StatisticsModule,
  ConferencesModule,
  LegalBasesModule,
  WorkQueueModule,
  ConsequencesModule,
  PersonsModule,
];
