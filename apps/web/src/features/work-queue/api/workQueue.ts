import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';

// GET /me/work-queue (docs/api-extensions.md, "Work queue"): what waits for the caller, per role.

export const WORK_ITEM_TYPES = [
  'REFERRAL_TO_ACCEPT', 'CASE_READY_FOR_NEXT_STEP', 'CONFERENCE_UPCOMING', 'ACTION_OVERDUE', 'NOTICE_REVIEW_DUE', 'CONSENT_EXPIRING',
  'CONTRIBUTION_ASKED', 'ACTION_DUE', 'CONFERENCE_TO_ACKNOWLEDGE',
  'OWN_REFERRAL',
  'PROTOCOL_TO_APPROVE', 'PROTOCOL_EXPIRING', 'LOG_TO_WITNESS',
  'DISCLOSURE_TO_REVIEW', 'ACCESS_ANOMALY', 'NOTICE_REVIEW_OVERDUE',
  'ACCOUNT_LOCKED', 'ACCOUNT_WITHOUT_MFA',
] as const;
export type WorkItemType = (typeof WORK_ITEM_TYPES)[number];

export interface WorkItem {
  type: WorkItemType;
  link: string;
  caseId?: string;
  caseReference?: string;
  stage?: string;
  nextStage?: string;
  since?: string;
  ageHours?: number;
  dueDate?: string;
  overdue?: boolean;
  measure?: string;
  repeatReferral?: boolean;
  outcome?: string;
  conferenceId?: string;
  scheduledAt?: string;
  status?: string;
  missing?: { acknowledgements: number; contributions: number };
  protocolId?: string;
  title?: string;
  userId?: string;
  displayName?: string;
  email?: string;
  mfaRequired?: boolean;
  until?: string;
  count?: number;
}

export interface WorkQueue { generatedAt: string; today: string; items: WorkItem[] }

export const workQueueKey = ['me', 'work-queue'] as const;

export const workQueueQueryOptions = () => queryOptions({ queryKey: workQueueKey, queryFn: () => api<WorkQueue>('/me/work-queue') });

export const useWorkQueue = () => useQuery(workQueueQueryOptions());
