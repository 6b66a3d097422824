import { Module } from '@nestjs/common';
import { SharingLogWriter } from './sharing-log.writer';
import { SharingController } from './sharing.controller';
import { SharingService } from './sharing.service';

@Module({ controllers: [SharingController], providers: [SharingService, SharingLogWriter] })
export class SharingModule {}
