import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PROTOCOL_LIMITS as L } from '@schakel/contracts';
import { DATA_CATEGORIES, LANGUAGE_REGIMES, PROTOCOL_ROUTES, type DataCategory, type LanguageRegime, type ProtocolRoute } from '@schakel/domain';

/** The modalities art. 458ter asks the instrument to lay down. */
export class ProtocolModalitiesDto {
  @ApiProperty({ type: [String], description: 'the checklist a referral is weighed against' })
  @IsArray()
  @ArrayMaxSize(L.criteriaMax)
  @IsString({ each: true })
  @MinLength(L.criterionMin, { each: true })
  @MaxLength(L.criterionMax, { each: true })
  inclusionCriteria: string[];

  @ApiProperty({ description: 'who chairs the case conference' })
  @IsString()
  @MinLength(L.chairMin)
  @MaxLength(L.chairMax)
  chair: string;

  @ApiProperty({ description: 'how and when the persons concerned are informed' })
  @IsString()
  @MinLength(L.informingMin)
  @MaxLength(L.informingMax)
  informing: string;

  @ApiProperty({ enum: LANGUAGE_REGIMES })
  @IsIn(LANGUAGE_REGIMES, { message: `languageRegime must be one of ${LANGUAGE_REGIMES.join(', ')}` })
  languageRegime: LanguageRegime;

  @ApiProperty({ enum: PROTOCOL_ROUTES, description: "PROSECUTOR: the prosecutor's reasoned approval; DECREE: a law or decree (e.g. the Veilig Huis decree)" })
  @IsIn(PROTOCOL_ROUTES, { message: `route must be one of ${PROTOCOL_ROUTES.join(', ')}` })
  route: ProtocolRoute;
}

export class CreateProtocolDto {
  @ApiProperty()
  @IsString()
  @MinLength(L.titleMin)
  @MaxLength(L.titleMax)
  title: string;

  @ApiProperty({ description: 'judicial district whose prosecutor approves it' })
  @IsString()
  @MinLength(L.districtMin)
  @MaxLength(L.districtMax)
  district: string;

  @ApiProperty()
  @IsString()
  @MinLength(L.purposeMin)
  @MaxLength(L.purposeMax)
  purpose: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true, description: 'signatory agencies; yours is added if missing' })
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

  @ApiProperty({ minimum: 1, maximum: 600 })
  @IsInt()
  @Min(L.retentionMonthsMin)
  @Max(L.retentionMonthsMax)
  retentionMonths: number;

  @ApiProperty({ example: '2026-01-01' })
  @IsISO8601({ strict: true })
  validFrom: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2028-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validUntil?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'prosecution agencies that must all approve (e.g. the NL and FR office in Brussels); empty: one liaison of the district',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.approversMax)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  approverAgencyIds?: string[];

  @ApiPropertyOptional({ type: ProtocolModalitiesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProtocolModalitiesDto)
  modalities?: ProtocolModalitiesDto;
}
