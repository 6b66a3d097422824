import type { AgencyInput } from './api/agencies';
import type { Agency } from './types';

/** Only what the administrator changed, so a PATCH never overwrites fields with what they merely saw. */
export function agencyPatch(current: Agency, values: AgencyInput & { active: boolean }): Partial<AgencyInput & { active: boolean }> {
  const patch: Partial<AgencyInput & { active: boolean }> = {};
  if (values.name !== current.name) patch.name = values.name;
  if (values.type !== current.type) patch.type = values.type;
  if (values.district !== current.district) patch.district = values.district;
  if (values.active !== current.active) patch.active = values.active;
  return patch;
}
