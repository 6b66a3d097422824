import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { TimelineItem } from '../types';
import { caseKey } from './cases';

// GET /cases/:id/timeline: transitions, decisions, disclosures… in the order they happened.

export const getTimeline = (caseId: string) => api<{ items: TimelineItem[] }>(`/cases/${encodeURIComponent(caseId)}/timeline`);

export const timelineQueryOptions = (caseId: string) => queryOptions({ queryKey: [...caseKey(caseId), 'timeline'], queryFn: () => getTimeline(caseId) });

export const useTimeline = (caseId: string) => useQuery(timelineQueryOptions(caseId));
