import { Module } from '@nestjs/common';
import { SharingLogWriter } from './sharing-log.writer';
import { SharingReviewsController } from './sharing-reviews.controller';
import { SharingReviewsService } from './sharing-reviews.service';
import { SharingController } from './sharing.controller';
import { SharingService } from './sharing.service';

@Module({ controllers: [SharingReviewsController, SharingController], providers: [SharingService, SharingLogWriter, SharingReviewsService] })
export class SharingModule {}
