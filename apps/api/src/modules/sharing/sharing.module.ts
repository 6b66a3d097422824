import { Module } from '@nestjs/common';
import { PersonDisclosuresController } from './person-disclosures.controller';
import { PersonDisclosuresService } from './person-disclosures.service';
import { SharingLogWriter } from './sharing-log.writer';
import { SharingController } from './sharing.controller';
import { SharingService } from './sharing.service';

@Module({ controllers: [SharingController, PersonDisclosuresController], providers: [SharingService, SharingLogWriter, PersonDisclosuresService] })
export class SharingModule {}
