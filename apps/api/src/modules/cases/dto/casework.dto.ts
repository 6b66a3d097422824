import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IncidentDto } from './create-referral.dto';

export class AddTeamMemberDto {
  @ApiProperty({ format: 'uuid', description: 'an active case director of an agency that is part of the case' })
  @IsUUID()
  userId: string;

  @ApiPropertyOptional({ enum: ['DEPUTY'], default: 'DEPUTY', description: 'deputies act on the case like its director; the director changes by handover' })
  @IsOptional()
  @IsIn(['DEPUTY'], { message: 'role must be DEPUTY (the director changes through POST /cases/:id/handover)' })
  role?: 'DEPUTY';
}

export class HandoverDto {
  @ApiProperty({ format: 'uuid', description: 'the new case director: an active case director of a case agency (yourself to take over)' })
  @IsUUID()
  toUserId: string;

  @ApiProperty({ description: 'why (kept in the timeline)' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class ReopenDto {
  @ApiProperty({ description: 'why the case is reopened (kept in the timeline)' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  reason: string;
}

/** A later incident: date, forms of violence and the PV number. */
export class AddIncidentDto extends IncidentDto {}
