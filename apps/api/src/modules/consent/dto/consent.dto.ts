import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CASEWORK_LIMITS as L } from '@schakel/contracts';
import { CONSENT_METHODS, DATA_CATEGORIES, NOTICE_METHODS, type ConsentMethod, type DataCategory } from '@schakel/domain';

export class ConsentScopeDto {
  @ApiProperty({ type: String, format: 'uuid', isArray: true, description: 'agencies that may receive information on this consent' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  agencyIds: string[];

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true, message: `dataCategories must each be one of ${DATA_CATEGORIES.join(', ')}` })
  dataCategories: DataCategory[];
}

export class CreateConsentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: ['GIVEN', 'REFUSED'] })
  @IsIn(['GIVEN', 'REFUSED'], { message: 'status must be GIVEN or REFUSED (withdraw through /withdraw)' })
  status: 'GIVEN' | 'REFUSED';

  @ApiProperty({ enum: CONSENT_METHODS })
  @IsIn(CONSENT_METHODS, { message: `method must be one of ${CONSENT_METHODS.join(', ')}` })
  method: ConsentMethod;

  @ApiProperty({ type: ConsentScopeDto })
  @ValidateNested()
  @Type(() => ConsentScopeDto)
  scope: ConsentScopeDto;

  @ApiPropertyOptional({ example: '2027-06-30' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validUntil must be YYYY-MM-DD' })
  validUntil?: string;

  @ApiPropertyOptional({ description: 'where the evidence is kept (e.g. signed form reference)' })
  @IsOptional()
  @IsString()
  @MaxLength(L.consentEvidenceMax)
  evidence?: string;
}

export class WithdrawConsentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class CreateNoticeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiPropertyOptional({ description: 'true when informing the person would endanger someone' })
  @IsOptional()
  @IsBoolean()
  withheld?: boolean;

  @ApiPropertyOptional()
  @ValidateIf((o: CreateNoticeDto) => !o.withheld)
  @IsISO8601({ strict: true }, { message: 'informedAt is required unless withheld, as a real ISO-8601 date' })
  informedAt?: string;

  @ApiPropertyOptional({ enum: NOTICE_METHODS })
  @ValidateIf((o: CreateNoticeDto) => !o.withheld)
  @IsIn(NOTICE_METHODS, { message: `method must be one of ${NOTICE_METHODS.join(', ')}` })
  method?: string;

  @ApiPropertyOptional({ description: 'required when withheld: why informing would endanger someone' })
  @ValidateIf((o: CreateNoticeDto) => Boolean(o.withheld))
  @IsString()
  @MinLength(10, { message: 'justification must explain (at least 10 characters) why informing is withheld' })
  @MaxLength(L.noticeJustificationMax)
  justification?: string;

  @ApiPropertyOptional({ description: 'when to reconsider informing (defaults to 3 months)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'reviewDate must be YYYY-MM-DD' })
  reviewDate?: string;
}
