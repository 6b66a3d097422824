import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { CASEWORK_LIMITS as L } from '@schakel/contracts';
import { ACTION_STATUSES, EVALUATION_OUTCOMES, MEASURES, type ActionStatus, type EvaluationOutcome, type Measure } from '@schakel/domain';

export class CreateActionDto {
  @ApiProperty()
  @IsString()
  @MinLength(L.textMin)
  @MaxLength(L.actionDescriptionMax)
  description: string;

  @ApiProperty({ format: 'uuid', description: 'the one agency that owns the action (a case agency)' })
  @IsUUID()
  ownerAgencyId: string;

  @ApiProperty({ example: '2026-12-15' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be YYYY-MM-DD' })
  dueDate: string;

  @ApiProperty({ enum: MEASURES })
  @IsIn(MEASURES, { message: `measure must be one of ${MEASURES.join(', ')}` })
  measure: Measure;
}

export class UpdateActionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(L.textMin)
  @MaxLength(L.actionDescriptionMax)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerAgencyId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be YYYY-MM-DD' })
  dueDate?: string;

  @ApiPropertyOptional({ enum: MEASURES })
  @IsOptional()
  @IsIn(MEASURES)
  measure?: Measure;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES, { message: `status must be one of ${ACTION_STATUSES.join(', ')}` })
  status?: ActionStatus;

  @ApiPropertyOptional({
    description: 'the version read; a stale one gets 409 STALE_VERSION (recommended; without it the change applies to the current version)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CreateEvaluationDto {
  @ApiProperty({ enum: EVALUATION_OUTCOMES })
  @IsIn(EVALUATION_OUTCOMES, { message: `outcome must be one of ${EVALUATION_OUTCOMES.join(', ')}` })
  outcome: EvaluationOutcome;

  @ApiProperty()
  @IsString()
  @MinLength(L.textMin)
  @MaxLength(L.evaluationSummaryMax)
  summary: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  riskAssessmentId?: string;
}
