import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Reminders } from '@schakel/contracts';
import { api } from '../../../api/client';
import { casesKey } from './cases';

// GET /me/reminders (docs/api-extensions.md): the open actions of the user's agency that are due
// within a week or overdue, and, for a case director, their cases ready for evaluation.

export type { Reminders } from '@schakel/contracts';

export const remindersKey = [...casesKey, 'reminders'] as const;

export const getReminders = () => api<Reminders>('/me/reminders');

export const remindersQueryOptions = () => queryOptions({ queryKey: remindersKey, queryFn: getReminders });

export const useReminders = (enabled = true) => useQuery({ ...remindersQueryOptions(), enabled });
