import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { StatisticsService } from './statistics.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

export class StatisticsQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be YYYY-MM-DD' }) to?: string;
  @ApiPropertyOptional({ description: 'DPO only; others always get their own district' }) @IsOptional() @IsString() @MaxLength(100) district?: string;
}

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly stats: StatisticsService) {}

  @Authorize('read', 'Statistics')
  @Get('overview')
  @ApiContract(
    'StatisticsOverview',
    'counts per stage, referring agency type, risk level and outcome, median days per stage; counts 1–4 and their complements are `null` (suppressed)',
  )
  overview(@CurrentUser() u: AuthenticatedUser, @Query() q: StatisticsQueryDto) {
    return this.stats.overview(u, q);
  }
}
