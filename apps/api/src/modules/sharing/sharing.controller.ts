import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiPropertyOptional, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { CreateDisclosureDto } from './dto/disclosure.dto';
import { SharingLogQuery } from './dto/sharing-log.query';
import { SharingService } from './sharing.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

export class LegalBasesQuery {
  @ApiPropertyOptional({ description: 'comma-separated agency ids' })
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  toAgencyIds: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  consentId?: string;
}

@ApiTags('sharing')
@Controller()
export class SharingController {
  constructor(private readonly sharing: SharingService) {}

  @Authorize('share', 'Contribution')
  @Post('cases/:id/contributions/:cid/disclosures')
  @ApiContract('Disclosure', 'the disclosure and its sharing-log entry', 201)
  @ApiNotFoundResponse({ description: 'the case or contribution is outside your scope' })
  @ApiUnprocessableEntityResponse({
    description:
      '`code`: NO_APPROVED_PROTOCOL, PROTOCOL_NOT_IN_FORCE, CASE_CLOSED, AGENCY_NOT_IN_CASE, AGENCY_NOT_SIGNATORY, CATEGORY_NOT_ALLOWED, CONSENT_MISSING, CONSENT_WITHDRAWN, CONSENT_OUT_OF_SCOPE, JUSTIFICATION_REQUIRED, NO_RECIPIENTS, SELF_DISCLOSURE; `refusals[]` lists every reason',
  })
  disclose(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('cid', ParseUUIDPipe) cid: string,
    @Body() dto: CreateDisclosureDto,
  ) {
    return this.sharing.disclose(u, id, cid, dto);
  }

  @Authorize('share', 'Contribution')
  @Get('cases/:id/contributions/:cid/legal-bases')
  @ApiContract('LegalBasisOptionList', 'for each legal basis: available now, or the refusals that stand in the way')
  legalBases(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('cid', ParseUUIDPipe) cid: string,
    @Query() q: LegalBasesQuery,
  ) {
    return this.sharing.legalBases(u, id, cid, q.toAgencyIds, q.consentId);
  }

  @Authorize('read', 'SharingLog')
  @Get('sharing-log')
  @ApiContract('SharingLogPage', 'entries in scope, newest first, with agency names and the case reference')
  list(@CurrentUser() u: AuthenticatedUser, @Query() q: SharingLogQuery) {
    return this.sharing.list(u, q);
  }

  @Authorize('verify', 'SharingLog')
  @Get('sharing-log/verify')
  @ApiContract('ChainVerdict', 'the whole log recomputed; `firstBrokenSeq` and `reason` name the first break')
  verify() {
    return this.sharing.verify();
  }

  @Authorize('export', 'SharingLog')
  @Get('sharing-log/export')
  @ApiContract('SharingLogExport', 'entries + a checkpoint signed at the head; verify offline with `npm run verify-sharing-log`')
  export(@CurrentUser() u: AuthenticatedUser) {
    return this.sharing.export(u);
  }

  @Authorize('verify', 'SharingLog')
  @Get('sharing-log/public-key')
  @ApiContract('SharingLogPublicKey', 'the Ed25519 key that signs checkpoints, base64 SPKI DER; confirm it out of band before trusting it')
  publicKey() {
    return this.sharing.publicKey();
  }
}
