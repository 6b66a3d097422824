import { Module } from '@nestjs/common';
import { ProtocolsModule } from '../protocols/protocols.module';
import { ConferencesController } from './conferences.controller';
import { ConferencesService } from './conferences.service';
import { EscalationService } from './escalation.service';

// Cases are reached through the global CasesModule (CaseAccessService, TimelineService) only.
@Module({ imports: [ProtocolsModule], controllers: [ConferencesController], providers: [ConferencesService, EscalationService], exports: [EscalationService] })
export class ConferencesModule {}
