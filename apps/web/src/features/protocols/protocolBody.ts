import { criteriaLines } from '@schakel/contracts';
import type { LanguageRegime, ProtocolRoute } from '@schakel/domain';
import type { ProtocolBody, ProtocolFormInput } from './api/protocols';
import type { Protocol } from './types';

/** The form's values as the API's body. */
export function protocolBody(values: ProtocolFormInput): ProtocolBody {
  return {
    title: values.title,
    district: values.district,
    purpose: values.purpose,
    agencyIds: values.agencyIds,
    dataCategories: values.dataCategories,
    retentionMonths: Number(values.retentionMonths),
    validFrom: values.validFrom,
    validUntil: values.validUntil || null,
    approverAgencyIds: values.approverAgencyIds,
    ...(values.withModalities
      ? {
          modalities: {
            inclusionCriteria: criteriaLines(values.modalities.inclusionCriteria),
            chair: values.modalities.chair.trim(),
            informing: values.modalities.informing.trim(),
            // The schema checked both against LANGUAGE_REGIMES and PROTOCOL_ROUTES.
            languageRegime: values.modalities.languageRegime as LanguageRegime,
            route: values.modalities.route as ProtocolRoute,
          },
        }
      : {}),
  };
}

/** Only what changed, for a PATCH. */
export function protocolPatch(current: Protocol, values: ProtocolFormInput): Partial<ProtocolBody> {
  const next = protocolBody(values);
  const patch: Partial<ProtocolBody> = {};
  const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
  if (next.title !== current.title) patch.title = next.title;
  if (next.district !== current.district) patch.district = next.district;
  if (next.purpose !== current.purpose) patch.purpose = next.purpose;
  if (!sameSet(next.agencyIds, current.agencyIds)) patch.agencyIds = next.agencyIds;
  if (!sameSet(next.dataCategories, current.dataCategories)) patch.dataCategories = next.dataCategories;
  if (next.retentionMonths !== current.retentionMonths) patch.retentionMonths = next.retentionMonths;
  if (next.validFrom !== current.validFrom) patch.validFrom = next.validFrom;
  if (next.validUntil !== current.validUntil) patch.validUntil = next.validUntil;
  if (!sameSet(next.approverAgencyIds, current.approverAgencyIds)) patch.approverAgencyIds = next.approverAgencyIds;
  const m = current.modalities;
  const sameModalities =
    m !== null &&
    next.modalities !== undefined &&
    next.modalities.inclusionCriteria.join('\n') === m.inclusionCriteria.join('\n') &&
    next.modalities.chair === m.chair &&
    next.modalities.informing === m.informing &&
    next.modalities.languageRegime === m.languageRegime &&
    next.modalities.route === m.route;
  if (next.modalities && !sameModalities) patch.modalities = next.modalities;
  return patch;
}
