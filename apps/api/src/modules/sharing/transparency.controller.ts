import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { TransparencyService } from './transparency.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

const MAX_SIZE = Number.MAX_SAFE_INTEGER;

export class CheckpointQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'a checkpoint the log issued earlier; default the latest' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  size?: number;
}

export class InclusionQuery {
  @ApiProperty({ minimum: 1, description: 'the entry (leaf index = seq − 1)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  seq: number;

  @ApiPropertyOptional({ minimum: 1, description: 'tree size; default the latest checkpoint' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  size?: number;
}

export class ConsistencyQuery {
  @ApiProperty({ minimum: 1, description: 'the smaller tree size (e.g. the checkpoint you last cosigned)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  from: number;

  @ApiPropertyOptional({ minimum: 1, description: 'the larger tree size; default the latest checkpoint' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  to?: number;
}

export class WitnessKeyDto {
  @ApiProperty({ description: 'Ed25519: base64 SPKI DER (or PEM), or a C2SP verifier key `name+keyid+base64`' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  publicKey: string;
}

export class CosignatureDto {
  @ApiProperty({ description: 'the checkpoint note with your tlog-cosignature/v1 signature line (output of `npm run witness -- cosign`)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  note: string;
}

/** The sharing log as a C2SP transparency log, witnessed by the parket (ADR 0006, api.md "Additions for the second round"). */
@ApiTags('sharing')
@Controller()
export class TransparencyController {
  constructor(private readonly transparency: TransparencyService) {}

  @Authorize('verify', 'SharingLog')
  @Get('sharing-log/checkpoint')
  @ApiContract('Checkpoint', "`note` is the signed C2SP checkpoint; `cosignedNote` adds the witnesses' signature lines")
  checkpoint(@Query() q: CheckpointQuery) {
    return this.transparency.checkpoint(q.size);
  }

  @Authorize('verify', 'SharingLog')
  @Get('sharing-log/proofs/inclusion')
  @ApiContract('InclusionProof', 'RFC 9162 inclusion proof (base64)')
  @ApiUnprocessableEntityResponse({ description: '`SIZE_BEYOND_TREE`, `SEQ_BEYOND_SIZE`' })
  inclusion(@Query() q: InclusionQuery) {
    return this.transparency.inclusion(q.seq, q.size);
  }

  @Authorize('verify', 'SharingLog')
  @Get('sharing-log/proofs/consistency')
  @ApiContract('ConsistencyProof', 'RFC 9162 consistency proof (base64)')
  @ApiUnprocessableEntityResponse({ description: '`SIZE_BEYOND_TREE`, `SIZE_ORDER`' })
  consistency(@Query() q: ConsistencyQuery) {
    return this.transparency.consistency(q.from, q.to);
  }

  @Authorize('witness', 'SharingLog')
  @Put('me/witness-key')
  @HttpCode(200)
  @ApiContract('WitnessKey', 'the registered witness key')
  @ApiUnprocessableEntityResponse({ description: '`WITNESS_KEY_INVALID`' })
  witnessKey(@CurrentUser() u: AuthenticatedUser, @Body() dto: WitnessKeyDto) {
    return this.transparency.registerWitnessKey(u, dto.publicKey);
  }

  @Authorize('witness', 'SharingLog')
  @Post('sharing-log/cosignatures')
  @ApiContract('Cosignature', 'the cosignature', 201)
  @ApiUnprocessableEntityResponse({ description: '`COSIGNATURE_INVALID`: no line verifies with your registered key, or the log never issued that checkpoint' })
  cosign(@CurrentUser() u: AuthenticatedUser, @Body() dto: CosignatureDto) {
    return this.transparency.cosign(u, dto.note);
  }
}
