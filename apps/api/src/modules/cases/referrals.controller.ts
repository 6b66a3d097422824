import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { CreateReferralDto } from './dto/create-referral.dto';
import { ReferralsService } from './referrals.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('cases')
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Authorize('refer', 'Case')
  @Post()
  @ApiContract('ReferralResult', 'the new case at intake; an urgent referral adds `urgent: true` and its `triageDueAt`', 201)
  @ApiUnprocessableEntityResponse({ description: 'NO_APPROVED_PROTOCOL, PROTOCOL_NOT_IN_FORCE, AGENCY_NOT_SIGNATORY' })
  refer(@CurrentUser() u: AuthenticatedUser, @Body() dto: CreateReferralDto) {
    return this.referrals.refer(u, dto);
  }
}
