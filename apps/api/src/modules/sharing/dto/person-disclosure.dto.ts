import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LEGAL_BASES, PERSON_DISCLOSURE_CATEGORIES, type LegalBasis, type PersonDisclosureCategory } from '@schakel/domain';

/** POST /cases/:id/persons/:pid/disclosures: a person's identification and/or contact details to named agencies. */
export class CreatePersonDisclosureDto {
  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  toAgencyIds: string[];

  @ApiProperty({
    enum: PERSON_DISCLOSURE_CATEGORIES,
    isArray: true,
    description: 'IDENTIFICATION: birth date, national number; CONTACT: address, phone, e-mail',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PERSON_DISCLOSURE_CATEGORIES, { each: true, message: `categories must each be one of ${PERSON_DISCLOSURE_CATEGORIES.join(', ')}` })
  categories: PersonDisclosureCategory[];

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
  @MaxLength(5000)
  justification?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the data request this disclosure answers' })
  @IsOptional()
  @IsUUID()
  requestId?: string;
}
