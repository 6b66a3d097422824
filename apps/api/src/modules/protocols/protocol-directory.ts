import { In, type EntityManager } from 'typeorm';
import type { DataCategory, ProtocolStatus } from '@schakel/domain';
import { ProtocolAgency } from './protocol-agency.entity';
import { Protocol } from './protocol.entity';

/**
 * How other modules read protocols and their signatories (the protocols module owns `protocols` and
 * `protocol_agencies`): plain values, never the entities, inside the caller's EntityManager.
 */
export interface ProtocolTerms {
  id: string;
  title: string;
  reference: string | null;
  district: string;
  status: ProtocolStatus;
  validFrom: string;
  validUntil: string | null;
  dataCategories: DataCategory[];
}

/** The terms a disclosure or a case view checks against; throws when the protocol does not exist. */
export async function protocolTerms(m: EntityManager, id: string): Promise<ProtocolTerms> {
  const p = await m.getRepository(Protocol).findOneByOrFail({ id });
  return {
    id: p.id,
    title: p.title,
    reference: p.reference,
    district: p.district,
    status: p.status,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    dataCategories: p.dataCategories,
  };
}

/** The signatory agencies of these protocols, by protocol id. */
export async function signatoriesOf(m: EntityManager, protocolIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  const unique = [...new Set(protocolIds)];
  if (!unique.length) return map;
  for (const r of await m.getRepository(ProtocolAgency).findBy({ protocolId: In(unique) }))
    map.set(r.protocolId, [...(map.get(r.protocolId) ?? []), r.agencyId]);
  return map;
}
