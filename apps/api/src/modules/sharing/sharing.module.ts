import { Module } from '@nestjs/common';
import { PersonDisclosuresController } from './person-disclosures.controller';
import { PersonDisclosuresService } from './person-disclosures.service';
import { SharingLogWriter } from './sharing-log.writer';
import { SharingReviewsController } from './sharing-reviews.controller';
import { SharingReviewsService } from './sharing-reviews.service';
import { SharingController } from './sharing.controller';
import { SharingService } from './sharing.service';
import { SharingLogVerifyPool } from './verify-pool';
import { TransparencyController } from './transparency.controller';
import { TransparencyService } from './transparency.service';

@Module({
  controllers: [SharingReviewsController, SharingController, TransparencyController, PersonDisclosuresController],
  providers: [SharingService, SharingLogWriter, SharingLogVerifyPool, SharingReviewsService, TransparencyService, PersonDisclosuresService],
})
export class SharingModule {}
