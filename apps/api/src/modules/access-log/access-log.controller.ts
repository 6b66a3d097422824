import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Authorize } from '../../common/auth/authorize.decorator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { AccessLogService } from './access-log.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

export class AccessLogQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ enum: ['READ', 'DENIED'] }) @IsOptional() @IsIn(['READ', 'DENIED']) outcome?: 'READ' | 'DENIED';
}

export class AccessAnomaliesQuery {
  @ApiPropertyOptional({ description: 'start of the period (default: 7 days ago)' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'end of the period (default: now)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1440, default: 60 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1440) windowMinutes?: number;
  @ApiPropertyOptional({ minimum: 2, maximum: 10000, default: 20, description: 'distinct cases read in one window that count as unusual' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(10000)
  minCases?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 10000, default: 10, description: 'refused attempts in one window that count as unusual' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  minDenied?: number;
}

@ApiTags('logs')
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly log: AccessLogService) {}

  @Authorize('read', 'AccessLog')
  @Get()
  @ApiContract('AccessLogPage', 'reads of case data and refused attempts, newest first')
  list(@Query() q: AccessLogQuery) {
    return this.log.list(q);
  }

  @Authorize('read', 'AccessLog')
  @Get('anomalies')
  @ApiContract('AccessAnomalies', 'users who read at least `minCases` distinct cases, or were refused `minDenied` times, within one window')
  anomalies(@Query() q: AccessAnomaliesQuery) {
    return this.log.anomalies(q);
  }
}
