import { Module } from '@nestjs/common';
import { ConferencesModule } from '../conferences/conferences.module';
import { ActionsController, RemindersController } from './actions.controller';
import { ActionsService } from './actions.service';

@Module({ imports: [ConferencesModule], controllers: [ActionsController, RemindersController], providers: [ActionsService] })
export class ActionsModule {}
