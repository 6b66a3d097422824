import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CASEWORK_LIMITS as L } from '@schakel/contracts';
import { DATA_CATEGORIES, LEGAL_BASES, type DataCategory, type LegalBasis } from '@schakel/domain';

export class CreateDisclosureDto {
  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  toAgencyIds: string[];

  @ApiProperty({ enum: LEGAL_BASES })
  @IsIn(LEGAL_BASES, { message: `legalBasis must be one of ${LEGAL_BASES.join(', ')}` })
  legalBasis: LegalBasis;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for the CONSENT basis' })
  @IsOptional()
  @IsUUID()
  consentId?: string;

  @ApiPropertyOptional({ description: 'required (≥ 10 characters) for every basis other than CONSENT' })
  @IsOptional()
  @IsString()
  @MaxLength(L.disclosureJustificationMax)
  justification?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'ART_458BIS: the minor or vulnerable person of the case the report is about' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'ART_458BIS, ART_422BIS, NECESSITY: the serious and imminent danger (≥ 10 characters)' })
  @IsOptional()
  @IsString()
  @MaxLength(L.dangerStatementMax)
  dangerStatement?: string;

  @ApiPropertyOptional({ description: 'LEGAL_OBLIGATION: the provision that obliges the disclosure, shown in the log' })
  @IsOptional()
  @IsString()
  @MaxLength(L.provisionMax)
  provision?: string;

  @ApiPropertyOptional({ enum: DATA_CATEGORIES, isArray: true, description: "defaults to the contribution's category" })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true })
  categories?: DataCategory[];
}
