import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { AGENCY_LIMITS } from '@schakel/contracts';
import { AGENCY_TYPES, type AgencyType } from '@schakel/domain';

export class UpdateAgencyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(AGENCY_LIMITS.nameMin)
  @MaxLength(AGENCY_LIMITS.nameMax)
  name?: string;

  @ApiPropertyOptional({ enum: AGENCY_TYPES })
  @IsOptional()
  @IsIn(AGENCY_TYPES, { message: `type must be one of ${AGENCY_TYPES.join(', ')}` })
  type?: AgencyType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(AGENCY_LIMITS.districtMin)
  @MaxLength(AGENCY_LIMITS.districtMax)
  district?: string;

  @ApiPropertyOptional({ description: 'false deactivates the agency' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'an emergency service may receive information under art. 422bis, like the police' })
  @IsOptional()
  @IsBoolean()
  emergencyService?: boolean;

  @ApiPropertyOptional({
    description: 'the version read; a stale one is refused with 409 STALE_VERSION (recommended; without it the change applies to the current version)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
