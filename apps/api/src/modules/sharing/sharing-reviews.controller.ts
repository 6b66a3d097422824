import { Body, Controller, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Authorize } from '../../common/auth/authorize.decorator';
import { ApiContract } from '../../common/openapi/api-contract.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { REVIEW_OUTCOMES, type ReviewOutcome } from './disclosure-review.entity';
import { SharingReviewsService } from './sharing-reviews.service';

export class ReviewsQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['PENDING', ...REVIEW_OUTCOMES] })
  @IsOptional()
  @IsIn(['PENDING', ...REVIEW_OUTCOMES])
  status?: string;
}

export class ReviewDto {
  @ApiProperty({ enum: REVIEW_OUTCOMES })
  @IsIn(REVIEW_OUTCOMES, { message: `outcome must be one of ${REVIEW_OUTCOMES.join(', ')}` })
  outcome: ReviewOutcome;

  @ApiProperty({ description: "the DPO's note on the disclosure" })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  note: string;
}

@ApiTags('sharing')
@Controller('sharing-log/reviews')
export class SharingReviewsController {
  constructor(private readonly reviews: SharingReviewsService) {}

  @Authorize('read', 'DisclosureReview')
  @Get()
  @ApiContract('DisclosureReviewPage', 'NECESSITY disclosures, newest first, with their review status')
  list(@CurrentUser() u: AuthenticatedUser, @Query() q: ReviewsQuery) {
    return this.reviews.list(u, q);
  }

  @Authorize('create', 'DisclosureReview')
  @Post(':seq')
  @ApiContract('DisclosureReviewOutcome', 'the review, recorded', 201)
  @ApiNotFoundResponse({ description: 'no NECESSITY disclosure at that sharing-log position' })
  review(@CurrentUser() u: AuthenticatedUser, @Param('seq') seq: string, @Body() dto: ReviewDto) {
    if (!/^[1-9]\d{0,17}$/.test(seq)) throw new NotFoundException('No such disclosure under the state of necessity');
    return this.reviews.review(u, seq, dto.outcome, dto.note);
  }
}
