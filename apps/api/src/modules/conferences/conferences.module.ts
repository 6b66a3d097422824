import { Module } from '@nestjs/common';
import { ProtocolsModule } from '../protocols/protocols.module';
import { ConferencesController } from './conferences.controller';
import { ConferenceAgendaService } from './conference-agenda.service';
import { ConferenceLoader } from './conference-loader.service';
import { ConferenceMinutesService } from './conference-minutes.service';
import { ConferenceSchedulingService } from './conference-scheduling.service';
import { EscalationService } from './escalation.service';

// Cases are reached through the global CasesModule (CaseAccessService, TimelineService) only.
@Module({
  imports: [ProtocolsModule],
  controllers: [ConferencesController],
  providers: [ConferenceLoader, ConferenceSchedulingService, ConferenceAgendaService, ConferenceMinutesService, EscalationService],
  exports: [EscalationService],
})
export class ConferencesModule {}
