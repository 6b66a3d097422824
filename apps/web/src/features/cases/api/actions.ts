import type { ActionRequestInput, ActionUpdateRequestInput, EvaluationRequestInput } from '@schakel/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ActionStatus, type EvaluationOutcome, type Measure } from '@schakel/domain';
import { api } from '../../../api/client';
import type { CaseAction, RecordedEvaluation } from '../types';
import { caseKey, casesKey } from './cases';

// The action plan (/cases/:id/actions) and evaluations (/cases/:id/evaluations). An update carries
// the version it read; a stale one gets 409 STALE_VERSION and the plan is reloaded.

// The request schemas are libs/contracts' (src/requests/casework.ts), shared with the API's limits.
export type ActionInput = ActionRequestInput;
export type ActionUpdateInput = ActionUpdateRequestInput;
export type EvaluationInput = EvaluationRequestInput;

export type ActionPatch = Partial<{ description: string; ownerAgencyId: string; dueDate: string; measure: Measure; status: ActionStatus }> & {
  version: number;
};

export const actionsKey = (caseId: string) => [...caseKey(caseId), 'actions'] as const;

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

export const getActions = (caseId: string) => api<{ items: CaseAction[] }>(`${casePath(caseId)}/actions`);

export const createAction = ({ caseId, ...input }: ActionInput & { caseId: string }) =>
  api<CaseAction>(`${casePath(caseId)}/actions`, { method: 'POST', json: input });

export const updateAction = ({ caseId, actionId, ...patch }: ActionPatch & { caseId: string; actionId: string }) =>
  api<CaseAction>(`${casePath(caseId)}/actions/${encodeURIComponent(actionId)}`, { method: 'PATCH', json: patch });

export const recordEvaluation = ({ caseId, ...input }: { caseId: string; outcome: EvaluationOutcome; summary: string }) =>
  api<RecordedEvaluation>(`${casePath(caseId)}/evaluations`, { method: 'POST', json: input });

export const actionsQueryOptions = (caseId: string) => queryOptions({ queryKey: actionsKey(caseId), queryFn: () => getActions(caseId) });

export const useActions = (caseId: string, enabled = true) => useQuery({ ...actionsQueryOptions(caseId), enabled });

/** Reminders list the actions due soon: they change with the plan. */
const REMINDERS_KEY = [...casesKey, 'reminders'] as const;

export function useCreateAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAction,
    onSuccess: (_d, { caseId }) =>
      void Promise.all([queryClient.invalidateQueries({ queryKey: caseKey(caseId) }), queryClient.invalidateQueries({ queryKey: REMINDERS_KEY })]),
  });
}

/** PATCH with the version read; also reloads after an error, since a stale version means our copy is old. */
export function useUpdateAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAction,
    onSettled: (_d, _e, { caseId }) =>
      void Promise.all([queryClient.invalidateQueries({ queryKey: caseKey(caseId) }), queryClient.invalidateQueries({ queryKey: REMINDERS_KEY })]),
  });
}

/** CONTINUE and ESCALATE send the case back to case direction: the lists change too. */
export function useRecordEvaluation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordEvaluation,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}
