import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { AGENCY_LIMITS } from '@schakel/contracts';
import { AGENCY_TYPES, type AgencyType } from '@schakel/domain';

export class CreateAgencyDto {
  @ApiProperty({ example: 'Politiezone Antwerpen' })
  @IsString()
  @MinLength(AGENCY_LIMITS.nameMin)
  @MaxLength(AGENCY_LIMITS.nameMax)
  name: string;

  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES, { message: `type must be one of ${AGENCY_TYPES.join(', ')}` })
  type: AgencyType;

  @ApiProperty({ description: 'judicial district (gerechtelijk arrondissement)', example: 'Antwerpen' })
  @IsString()
  @MinLength(AGENCY_LIMITS.districtMin)
  @MaxLength(AGENCY_LIMITS.districtMax)
  district: string;

  @ApiPropertyOptional({ description: 'an emergency service may receive information under art. 422bis, like the police' })
  @IsOptional()
  @IsBoolean()
  emergencyService?: boolean;
}
