import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CONFERENCE_LIMITS as L } from '@schakel/contracts';
import { DECISION_TYPES, type DecisionType } from '@schakel/domain';

export class AttendanceDto {
  @ApiProperty({ format: 'uuid', description: 'the chair or an invitee' })
  @IsUUID()
  userId: string;

  @ApiProperty()
  @IsBoolean()
  present: boolean;
}

export class MinutesDecisionDto {
  @ApiProperty({ enum: DECISION_TYPES })
  @IsIn(DECISION_TYPES, { message: `type must be one of ${DECISION_TYPES.join(', ')}` })
  type: DecisionType;

  @ApiProperty()
  @IsString()
  @MinLength(L.decisionRationaleMin)
  @MaxLength(L.decisionRationaleMax)
  rationale: string;
}

export class ItemMinutesDto {
  @ApiProperty({ description: 'the minutes of this agenda item (stored encrypted)' })
  @IsString()
  @MinLength(1)
  @MaxLength(L.minutesMax)
  minutes: string;

  @ApiProperty({ type: [AttendanceDto] })
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique((a: AttendanceDto) => a?.userId, { message: 'attendance lists each person once' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceDto)
  attendance: AttendanceDto[];

  @ApiPropertyOptional({ type: [MinutesDecisionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.decisionsMax)
  @ValidateNested({ each: true })
  @Type(() => MinutesDecisionDto)
  decisions?: MinutesDecisionDto[];

  @ApiPropertyOptional({ description: 'the item version read; a stale one gets 409 STALE_VERSION' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
