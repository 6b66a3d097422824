import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ApproveProtocolDto {
  @ApiProperty({ description: "the prosecutor's reference for the approval", example: 'PK/2026/458ter/012' })
  @IsString() @MinLength(2) @MaxLength(200)
  reference: string;
}

export class ProtocolReasonDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(5000)
  reason: string;
}
