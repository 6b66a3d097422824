import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ApproveProtocolDto {
  @ApiProperty({ description: "the prosecutor's reference for the approval", example: 'PK/2026/458ter/012' })
  @IsString() @MinLength(2) @MaxLength(200)
  reference: string;

  // Optional in the schema so a missing one is the domain's 422 MOTIVATION_REQUIRED, not a 400.
  @ApiPropertyOptional({ description: 'the written motivation art. 458ter requires (≥ 10 characters); without it 422 MOTIVATION_REQUIRED' })
  @IsOptional() @IsString() @MaxLength(10000)
  motivation?: string;
}

export class ProtocolReasonDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(5000)
  reason: string;
}
