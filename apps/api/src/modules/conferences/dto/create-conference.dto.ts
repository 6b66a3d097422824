import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO8601, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { CONFERENCE_LIMITS as L } from '@schakel/contracts';

export class CreateConferenceDto {
  @ApiProperty({ format: 'uuid', description: 'the art. 458ter protocol the conference is held under; every agenda case must be under it' })
  @IsUUID()
  protocolId: string;

  @ApiProperty({ example: '2026-12-14T14:00:00+01:00', description: 'ISO-8601 with a UTC offset (Z or ±hh:mm)' })
  @IsISO8601({ strict: true })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'scheduledAt must be an ISO-8601 date-time with a UTC offset' })
  scheduledAt: string;

  @ApiProperty({ example: 'FJC Antwerpen, zaal 2', description: "where the conference meets; never the family's address" })
  @IsString()
  @MinLength(L.locationMin)
  @MaxLength(L.locationMax)
  location: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'the agenda, in order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  caseIds: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'active users of a case agency of an agenda case or of a protocol signatory' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  inviteeUserIds: string[];
}
