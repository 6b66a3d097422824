import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const WORK_ITEM_TYPES = [
  'REFERRAL_TO_ACCEPT', 'CASE_READY_FOR_NEXT_STEP', 'CONFERENCE_UPCOMING', 'ACTION_OVERDUE', 'NOTICE_REVIEW_DUE', 'CONSENT_EXPIRING',
  'CONTRIBUTION_ASKED', 'ACTION_DUE', 'CONFERENCE_TO_ACKNOWLEDGE',
  'OWN_REFERRAL',
  'PROTOCOL_TO_APPROVE', 'PROTOCOL_EXPIRING', 'LOG_TO_WITNESS',
  'DISCLOSURE_TO_REVIEW', 'ACCESS_ANOMALY', 'NOTICE_REVIEW_OVERDUE',
  'ACCOUNT_LOCKED', 'ACCOUNT_WITHOUT_MFA',
] as const;
export type WorkItemType = (typeof WORK_ITEM_TYPES)[number];

export class WorkItemMissingDto {
  @ApiProperty({ description: 'invitees who have not acknowledged confidentiality' }) acknowledgements: number;
  @ApiProperty({ description: 'invited agencies of agenda cases that have not contributed' }) contributions: number;
}

/** One thing waiting for the caller; `link` is the SPA path where it is done. References and dates only. */
export class WorkItemDto {
  @ApiProperty({ enum: WORK_ITEM_TYPES }) type: WorkItemType;
  @ApiProperty({ example: '/cases/0b6c…' }) link: string;
  @ApiPropertyOptional({ format: 'uuid' }) caseId?: string;
  @ApiPropertyOptional({ example: 'CO-2026-00012' }) caseReference?: string;
  @ApiPropertyOptional() stage?: string;
  @ApiPropertyOptional({ description: 'the stage the case can move to now that its guards are met' }) nextStage?: string;
  @ApiPropertyOptional({ description: 'when the waiting began (referral filed, stage entered, invitation, submission)', format: 'date-time' }) since?: string;
  @ApiPropertyOptional({ description: 'hours since the referral was filed (triage age)' }) ageHours?: number;
  @ApiPropertyOptional({ format: 'date' }) dueDate?: string;
  @ApiPropertyOptional() overdue?: boolean;
  @ApiPropertyOptional() measure?: string;
  @ApiPropertyOptional() repeatReferral?: boolean;
  @ApiPropertyOptional({ description: 'closure reason of an own referral' }) outcome?: string;
  @ApiPropertyOptional({ format: 'uuid' }) conferenceId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) scheduledAt?: string;
  @ApiPropertyOptional() status?: string;
  @ApiPropertyOptional({ type: WorkItemMissingDto }) missing?: WorkItemMissingDto;
  @ApiPropertyOptional({ format: 'uuid' }) protocolId?: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional({ format: 'uuid' }) userId?: string;
  @ApiPropertyOptional() displayName?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional({ description: 'the role of the account requires two-step verification' }) mfaRequired?: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'a locked account opens again at' }) until?: string;
  @ApiPropertyOptional({ description: 'red flags of a referral, agenda cases of a conference, unwitnessed log entries, cases read in 24 h' }) count?: number;
}

export type WorkItem = Omit<WorkItemDto, never>;

export class WorkQueueDto {
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ format: 'date', description: 'today in Brussels, the reference for due and overdue' }) today: string;
  @ApiProperty({ type: [WorkItemDto] }) items: WorkItemDto[];
}
