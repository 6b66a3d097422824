import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USER_LIMITS } from '@schakel/contracts';
import { ROLES, type Role } from '@schakel/domain';

export const LOCALES = ['nl', 'fr', 'en'] as const;

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(USER_LIMITS.emailMax)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(USER_LIMITS.displayNameMax)
  displayName: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `roles must each be one of ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ description: 'at least 12 characters; omit for accounts that only sign in through OIDC' })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'nl' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: string;
}
