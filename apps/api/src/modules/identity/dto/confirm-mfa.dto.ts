import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { TOTP_CODE_PATTERN } from '@schakel/contracts';

export class ConfirmMfaDto {
  @ApiProperty({ example: '123456' })
  @Matches(TOTP_CODE_PATTERN, { message: 'code must be the 6 digits shown by the authenticator app' })
  code: string;
}
