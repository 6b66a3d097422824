import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USER_LIMITS } from '@schakel/contracts';
import { ROLES, type Role } from '@schakel/domain';
import { LOCALES } from './create-user.dto';

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(USER_LIMITS.displayNameMax)
  displayName?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `roles must each be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: string;

  @ApiPropertyOptional({ description: 'false deactivates the account: it cannot log in and its sessions end' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  @ApiPropertyOptional({ description: 'true removes the enrolled TOTP (the user enrols again at next login)' })
  @IsOptional()
  @IsBoolean()
  resetMfa?: boolean;

  @ApiPropertyOptional({ description: 'true lifts a lockout after repeated failed logins' })
  @IsOptional()
  @IsBoolean()
  unlock?: boolean;

  @ApiPropertyOptional({
    description: 'the version read; a stale one is refused with 409 STALE_VERSION (recommended; without it the change applies to the current version)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
