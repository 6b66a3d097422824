import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { CASEWORK_LIMITS as L } from '@schakel/contracts';
import {
  MAX_ANSWER_NOTE_LENGTH,
  RISK_ANSWER_SOURCES,
  RISK_ANSWER_VALUES,
  RISK_LEVELS,
  VIOLENCE_PATTERNS,
  type RiskAnswer,
  type RiskLevel,
  type ViolencePattern,
} from '@schakel/domain';

export class CreateRiskAssessmentDto {
  @ApiProperty({ example: 'veilig-huis-ifg', description: 'instrument key (GET /risk-instruments)' })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'instrument must be an instrument key such as veilig-huis-ifg' })
  @MaxLength(100)
  instrument: string;

  @ApiProperty({ example: 1, description: 'instrument version' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'the person of the case this assessment is about (default: the victim)' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiProperty({
    description: 'answers keyed by item key (per-child items: `<itemKey>:<childPersonId>`); unanswered items may be left out',
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['value'],
      properties: {
        value: { type: 'string', enum: [...RISK_ANSWER_VALUES] },
        source: { type: 'string', enum: [...RISK_ANSWER_SOURCES] },
        note: { type: 'string', maxLength: MAX_ANSWER_NOTE_LENGTH },
      },
    },
    example: { RF08: { value: 'yes', source: 'VICTIM', note: 'strangled on 20/11' }, RF13: { value: 'yes' }, PF01: { value: 'unknown' } },
  })
  @IsObject({ message: 'answers must be an object keyed by item' })
  answers: Record<string, RiskAnswer>;

  @ApiProperty({ enum: RISK_LEVELS, description: "the assessor's risk level; becomes the case's current risk level" })
  @IsIn(RISK_LEVELS, { message: `level must be one of ${RISK_LEVELS.join(', ')}` })
  level: RiskLevel;

  @ApiPropertyOptional({ description: 'why this level; required (422 LEVEL_RATIONALE_REQUIRED) below the suggested level of a scored instrument' })
  @IsOptional()
  @IsString()
  @MaxLength(L.riskRationaleMax)
  levelRationale?: string;

  @ApiPropertyOptional({ enum: VIOLENCE_PATTERNS, description: 'hypothesis on the pattern of violence (domain.md §6.4)' })
  @IsOptional()
  @IsIn(VIOLENCE_PATTERNS, { message: `violencePattern must be one of ${VIOLENCE_PATTERNS.join(', ')}` })
  violencePattern?: ViolencePattern;
}

export class ListRiskAssessmentsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "only this person's assessments" })
  @IsOptional()
  @IsUUID()
  personId?: string;
}
