import { Module } from '@nestjs/common';
import { SharingLogWriter } from './sharing-log.writer';
import { SharingReviewsController } from './sharing-reviews.controller';
import { SharingReviewsService } from './sharing-reviews.service';
import { SharingController } from './sharing.controller';
import { SharingService } from './sharing.service';
import { TransparencyController } from './transparency.controller';
import { TransparencyService } from './transparency.service';

@Module({
  controllers: [SharingReviewsController, SharingController, TransparencyController],
  providers: [SharingService, SharingLogWriter, SharingReviewsService, TransparencyService],
})
export class SharingModule {}
