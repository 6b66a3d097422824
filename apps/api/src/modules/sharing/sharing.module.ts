import { Module } from '@nestjs/common';
import { SharingLogWriter } from './sharing-log.writer';
import { SharingController } from './sharing.controller';
import { SharingService } from './sharing.service';
import { TransparencyController } from './transparency.controller';
import { TransparencyService } from './transparency.service';

@Module({ controllers: [SharingController, TransparencyController], providers: [SharingService, SharingLogWriter, TransparencyService] })
export class SharingModule {}
