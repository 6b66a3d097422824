import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { TOTP_CODE_PATTERN } from '@schakel/contracts';

export class MfaLoginDto {
  @ApiProperty({ description: 'the `mfaToken` returned by POST /auth/login' })
  @IsString()
  @MaxLength(2048)
  mfaToken: string;

  @ApiProperty({ example: '123456' })
  @Matches(TOTP_CODE_PATTERN, { message: 'code must be the 6 digits shown by the authenticator app' })
  code: string;
}
