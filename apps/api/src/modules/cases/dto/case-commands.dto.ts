import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CASE_COMMAND_LIMITS as L } from '@schakel/contracts';
import { DECISION_TYPES, STAGES, type DecisionType, type Stage } from '@schakel/domain';

export class TransitionDto {
  @ApiProperty({ enum: STAGES })
  @IsIn(STAGES, { message: `to must be one of ${STAGES.join(', ')}` })
  to: Stage;

  @ApiProperty({ description: 'why, in words the partners understand (kept in the timeline)' })
  @IsString()
  @MinLength(L.reasonMin)
  @MaxLength(L.transitionReasonMax)
  reason: string;
}

export class InviteAgencyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId: string;
}

export class WaiveContributionDto {
  @ApiProperty()
  @IsString()
  @MinLength(L.reasonMin)
  @MaxLength(L.waiverReasonMax)
  reason: string;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISION_TYPES })
  @IsIn(DECISION_TYPES, { message: `type must be one of ${DECISION_TYPES.join(', ')}` })
  type: DecisionType;

  @ApiProperty()
  @IsString()
  @MinLength(L.reasonMin)
  @MaxLength(L.decisionRationaleMax)
  rationale: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  conferenceId?: string;
}

export class LegalHoldDto {
  @ApiProperty({ description: 'true stops the retention clock, false resumes it' })
  @IsBoolean()
  hold: boolean;

  @ApiProperty({ description: 'why (e.g. a pending judicial procedure or data-subject request)' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}
