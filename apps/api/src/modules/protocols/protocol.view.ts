import { isProtocolInForce, todayInBrussels } from '@schakel/domain';
import type { Protocol } from './protocol.entity';

export function protocolView(p: Protocol, agencyIds: string[]) {
  return {
    id: p.id,
    title: p.title,
    district: p.district,
    purpose: p.purpose,
    agencyIds,
    dataCategories: p.dataCategories,
    retentionMonths: p.retentionMonths,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    status: p.status,
    inForce: isProtocolInForce(p, todayInBrussels()),
    reference: p.reference,
    decisionReason: p.decisionReason,
    motivation: p.motivation,
    approverAgencyIds: p.approverAgencyIds,
    modalities: p.modalities,
    revision: p.revision,
    amendsId: p.amendsId,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
  };
}
export type ProtocolView = ReturnType<typeof protocolView>;
