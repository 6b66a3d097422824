import { Global, Module } from '@nestjs/common';
import { ProtocolsModule } from '../protocols/protocols.module';
import { CaseAccessService } from './case-access.service';
import { CaseErasureController } from './case-erasure.controller';
import { CaseErasureService } from './case-erasure.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CaseTeamService } from './case-team.service';
import { CaseworkController } from './casework.controller';
import { FollowUpService } from './follow-up.service';
import { PersonViewsService } from './person-views.service';
import { ProtocolRevisionService } from './protocol-revision.service';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';
import { TimelineService } from './timeline.service';

// Global so the case-content modules (contributions, actions, consent, sharing) reach cases
// only through CaseAccessService and TimelineService.
@Global()
@Module({
  imports: [ProtocolsModule],
  controllers: [CasesController, CaseworkController, ReferralsController, CaseErasureController],
  providers: [
    CasesService,
    ReferralsService,
    CaseAccessService,
    TimelineService,
    CaseTeamService,
    FollowUpService,
    ProtocolRevisionService,
    PersonViewsService,
    CaseErasureService,
  ],
  exports: [CaseAccessService, TimelineService, ProtocolRevisionService, PersonViewsService],
})
export class CasesModule {}
