import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PROTOCOL_LIMITS as L } from '@schakel/contracts';

export class ApproveProtocolDto {
  @ApiProperty({ description: "the prosecutor's reference for the approval", example: 'PK/2026/458ter/012' })
  @IsString()
  @MinLength(L.referenceMin)
  @MaxLength(L.referenceMax)
  reference: string;

  // Optional in the schema so a missing one is the domain's 422 MOTIVATION_REQUIRED, not a 400.
  @ApiPropertyOptional({ description: 'the written motivation art. 458ter requires (≥ 10 characters); without it 422 MOTIVATION_REQUIRED' })
  @IsOptional()
  @IsString()
  @MaxLength(L.motivationMax)
  motivation?: string;
}

export class ProtocolReasonDto {
  @ApiProperty()
  @IsString()
  @MinLength(L.reasonMin)
  @MaxLength(L.reasonMax)
  reason: string;
}
