import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, USER_LIMITS } from '@schakel/contracts';

export class LoginDto {
  @ApiProperty({ example: 'director@fjc-antwerpen.be' })
  @IsEmail()
  @MaxLength(USER_LIMITS.emailMax)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
