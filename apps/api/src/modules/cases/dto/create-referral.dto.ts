import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { REFERRAL_LIMITS } from '@schakel/contracts';
import {
  CASE_LANGUAGES,
  GENDER_CODES,
  isValidNationalNumber,
  NATIONAL_NUMBER_SHAPE,
  PERSON_ROLES,
  type CaseLanguage,
  RED_FLAG_CODES,
  VIOLENCE_FORMS,
  type PersonRole,
  type RedFlagCode,
  type ViolenceForm,
} from '@schakel/domain';

export class PersonInputDto {
  @ApiProperty({ enum: PERSON_ROLES })
  @IsIn(PERSON_ROLES, { message: `role must be one of ${PERSON_ROLES.join(', ')}` })
  role: PersonRole;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(REFERRAL_LIMITS.nameMax)
  firstName: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(REFERRAL_LIMITS.nameMax)
  lastName: string;

  @ApiPropertyOptional({ example: '1990-04-12' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be YYYY-MM-DD' })
  birthDate?: string;

  @ApiPropertyOptional({ description: 'Belgian national register number (11 digits)' })
  @IsOptional()
  @Matches(NATIONAL_NUMBER_SHAPE, { message: 'nationalNumber must be a national register number (11 digits)' })
  // The shape is Matches' message; a well-shaped number with wrong check digits gets its own.
  @ValidateBy({
    name: 'nationalNumberCheckDigits',
    validator: {
      validate: (v: unknown) => typeof v !== 'string' || !NATIONAL_NUMBER_SHAPE.test(v.trim()) || isValidNationalNumber(v),
      defaultMessage: () => 'nationalNumber has wrong check digits (modulo 97)',
    },
  })
  nationalNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(REFERRAL_LIMITS.addressMax)
  address?: string;

  @ApiPropertyOptional({
    enum: GENDER_CODES,
    description: 'a code; older free text (V, M, vrouw, homme…) is still accepted and mapped to a code, anything else to UNKNOWN',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  gender?: string;

  @ApiPropertyOptional({ description: 'phone number (contact compartment)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;

  @ApiPropertyOptional({ description: 'e-mail address (contact compartment)' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ description: 'shelter address: visible to the recording agency only, never disclosed, never printed' })
  @IsOptional()
  @IsBoolean()
  confidentialAddress?: boolean;

  @ApiPropertyOptional({ description: 'this person was informed of the referral (defaults to the referral-wide `informed`)' })
  @IsOptional()
  @IsBoolean()
  informed?: boolean;

  @ApiPropertyOptional({ description: 'this person consented (defaults to the referral-wide `consentGiven`); recorded in the consent panel' })
  @IsOptional()
  @IsBoolean()
  consentGiven?: boolean;
}

export class IncidentDto {
  @ApiProperty({ example: '2026-11-20' })
  @IsISO8601({ strict: true })
  date: string;

  @ApiProperty({ enum: VIOLENCE_FORMS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(VIOLENCE_FORMS, { each: true, message: `types must each be one of ${VIOLENCE_FORMS.join(', ')}` })
  types: ViolenceForm[];

  @ApiPropertyOptional({ description: 'PV / police report number' })
  @IsOptional()
  @IsString()
  @MaxLength(REFERRAL_LIMITS.policeReferenceMax)
  policeReference?: string;
}

export class CreateReferralDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  protocolId: string;

  @ApiProperty({ description: 'what happened and why a case conference is needed' })
  @IsString()
  @MinLength(REFERRAL_LIMITS.summaryMin)
  @MaxLength(REFERRAL_LIMITS.summaryMax)
  summary: string;

  @ApiProperty({ type: IncidentDto })
  @ValidateNested()
  @Type(() => IncidentDto)
  incident: IncidentDto;

  @ApiProperty({ type: [PersonInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REFERRAL_LIMITS.personsMax)
  @ValidateNested({ each: true })
  @Type(() => PersonInputDto)
  persons: PersonInputDto[];

  @ApiProperty({ enum: RED_FLAG_CODES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(RED_FLAG_CODES, { each: true, message: 'redFlags must each be a code RF01…RF14' })
  redFlags: RedFlagCode[];

  @ApiPropertyOptional({ enum: CASE_LANGUAGES, description: 'language the family is supported in' })
  @IsOptional()
  @IsIn(CASE_LANGUAGES, { message: `language must be one of ${CASE_LANGUAGES.join(', ')}` })
  language?: CaseLanguage;

  @ApiPropertyOptional({ description: 'all persons were informed of the referral (when persons do not say it each)' })
  @IsOptional()
  @IsBoolean()
  informed?: boolean;

  @ApiPropertyOptional({ description: 'all persons consented to the referral (when persons do not say it each)' })
  @IsOptional()
  @IsBoolean()
  consentGiven?: boolean;

  @ApiPropertyOptional({ description: 'acute danger: triaged within one working day (`triageDueAt`); needs `dangerStatement`', default: false })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({ description: 'required when `urgent`: the acute danger, in words (stored encrypted)' })
  @ValidateIf((o: CreateReferralDto) => o.urgent === true || o.dangerStatement !== undefined)
  @IsString({ message: 'dangerStatement is required for an urgent referral' })
  @IsNotEmpty({ message: 'dangerStatement is required for an urgent referral' })
  @MinLength(10, { message: 'dangerStatement must state the danger in at least 10 characters' })
  @MaxLength(REFERRAL_LIMITS.dangerStatementMax)
  dangerStatement?: string;
}
