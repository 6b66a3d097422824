import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import {
  PERSON_DISCLOSURE_CATEGORIES,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_VIOLENCE,
  type PersonDisclosureCategory,
  type RelationshipType,
  type RelationshipViolence,
} from '@schakel/domain';
import { PersonInputDto } from '../../cases/dto/create-referral.dto';

/** POST /cases/:id/persons: the same fields as a referral person. */
export class AddPersonDto extends PersonInputDto {}

/** PATCH /cases/:id/persons/:pid: any field of a person; `version` as read (stale → 409). */
export class UpdatePersonDto extends PartialType(PersonInputDto) {
  @ApiPropertyOptional({ description: 'the person version read; a stale one gets 409 STALE_VERSION' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CreateRelationshipDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() fromPersonId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() toPersonId: string;

  @ApiProperty({ enum: RELATIONSHIP_TYPES, description: '`from` is the PARTNER/PARENT/CHILD/… of `to`' })
  @IsIn(RELATIONSHIP_TYPES, { message: `type must be one of ${RELATIONSHIP_TYPES.join(', ')}` })
  type: RelationshipType;

  @ApiProperty({ enum: RELATIONSHIP_VIOLENCE, description: 'ONE_WAY: from `from` towards `to`' })
  @IsIn(RELATIONSHIP_VIOLENCE, { message: `violence must be one of ${RELATIONSHIP_VIOLENCE.join(', ')}` })
  violence: RelationshipViolence;
}

export class PersonDataRequestDto {
  @ApiProperty({ enum: PERSON_DISCLOSURE_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PERSON_DISCLOSURE_CATEGORIES, { each: true, message: `categories must each be one of ${PERSON_DISCLOSURE_CATEGORIES.join(', ')}` })
  categories: PersonDisclosureCategory[];

  @ApiProperty({ description: 'why your agency needs these details' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason: string;
}
