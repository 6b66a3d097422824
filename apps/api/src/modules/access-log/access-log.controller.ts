import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { Authorize } from '../../common/auth/authorize.decorator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { AccessLogService } from './access-log.service';

export class AccessLogQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

@ApiTags('logs')
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly log: AccessLogService) {}

  @Authorize('read', 'AccessLog')
  @Get()
  list(@Query() q: AccessLogQuery) {
    return this.log.list(q);
  }
}
