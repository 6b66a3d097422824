import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { AGENCY_TYPES, type AgencyType } from '@schakel/domain';

export class CreateAgencyDto {
  @ApiProperty({ example: 'Politiezone Antwerpen' }) @IsString() @MinLength(2) @MaxLength(200)
  name: string;

  @ApiProperty({ enum: AGENCY_TYPES }) @IsIn(AGENCY_TYPES, { message: `type must be one of ${AGENCY_TYPES.join(', ')}` })
  type: AgencyType;

  @ApiProperty({ description: 'judicial district (gerechtelijk arrondissement)', example: 'Antwerpen' })
  @IsString() @MinLength(2) @MaxLength(100)
  district: string;
}
