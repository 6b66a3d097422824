import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { LOCALES } from './create-user.dto';

export class UpdateMeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALES }) @IsOptional() @IsIn(LOCALES)
  locale?: string;

  @ApiPropertyOptional({ description: 'required with newPassword' })
  @ValidateIf((o: UpdateMeDto) => o.newPassword !== undefined) @IsString() @MinLength(1, { message: 'currentPassword is required to change the password' }) @MaxLength(1024)
  currentPassword?: string;

  @ApiPropertyOptional({ description: 'at least 12 characters; ends every other session' }) @IsOptional() @IsString() @MinLength(12) @MaxLength(1024)
  newPassword?: string;
}
