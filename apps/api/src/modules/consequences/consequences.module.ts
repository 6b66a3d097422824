import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ConsequencesController } from './consequences.controller';
import { ConsequencesService } from './consequences.service';

@Module({ imports: [CasesModule], controllers: [ConsequencesController], providers: [ConsequencesService] })
export class ConsequencesModule {}
