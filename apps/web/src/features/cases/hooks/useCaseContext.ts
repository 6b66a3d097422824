import { useOutletContext } from 'react-router';
import type { CasePermissions } from '../caseAbility';
import type { CaseDetail } from '../types';

export interface CaseOutletContext {
  caseData: CaseDetail;
  can: CasePermissions;
}

/** The case a tab of the case page is about, loaded once by CaseLayout. */
export function useCaseContext(): CaseOutletContext {
  return useOutletContext<CaseOutletContext>();
}
