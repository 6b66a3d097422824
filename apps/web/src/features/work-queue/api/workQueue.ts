import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkQueue } from '@schakel/contracts';
import { api } from '../../../api/client';

// GET /me/work-queue (docs/api-extensions.md, "Work queue"): what waits for the caller, per role.

export { WORK_ITEM_TYPES, type WorkItem, type WorkItemType, type WorkQueue } from '@schakel/contracts';

export const workQueueKey = ['me', 'work-queue'] as const;

export const workQueueQueryOptions = () => queryOptions({ queryKey: workQueueKey, queryFn: () => api<WorkQueue>('/me/work-queue') });

export const useWorkQueue = () => useQuery(workQueueQueryOptions());
