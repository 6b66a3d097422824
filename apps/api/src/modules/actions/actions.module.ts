import { Module } from '@nestjs/common';
import { ActionsController, RemindersController } from './actions.controller';
import { ActionsService } from './actions.service';

@Module({ controllers: [ActionsController, RemindersController], providers: [ActionsService] })
export class ActionsModule {}
