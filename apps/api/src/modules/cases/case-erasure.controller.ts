import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiProperty, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ApiContract } from '../../common/openapi/api-contract.decorator';
import { CaseErasureService } from './case-erasure.service';

export class ErasureDto {
  @ApiProperty({ description: 'the legal ground of the order (e.g. the data subject request and its date)' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason: string;
}

@ApiTags('cases')
@Controller('cases/:id/erasure')
@ApiNotFoundResponse({ description: 'no such case' })
export class CaseErasureController {
  constructor(private readonly erasure: CaseErasureService) {}

  @Authorize('erase', 'Case')
  @Post()
  @HttpCode(200)
  @ApiContract('CaseErasure', 'every encrypted field of the case is unreadable from now on')
  @ApiUnprocessableEntityResponse({ description: 'LEGAL_HOLD' })
  @ApiConflictResponse({ description: 'ALREADY_ERASED' })
  erase(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ErasureDto) {
    return this.erasure.erase(u, id, dto.reason);
  }
}
