import type { EntityManager } from 'typeorm';
import type { DataCategory, LegalBasis, RelationshipType, RelationshipViolence } from '@schakel/domain';
import { PersonDataRequest, PersonDisclosure, PersonRelationship } from './person-records.entity';

/** How other modules read the persons module's records (`person_relationships`, `person_disclosures`): plain values. */
export interface RelationshipRef {
  id: string;
  fromPersonId: string;
  toPersonId: string;
  type: RelationshipType;
  violence: RelationshipViolence;
}

/** The relationships between the persons of a case, oldest first. */
export async function relationshipsOfCase(m: EntityManager, caseId: string): Promise<RelationshipRef[]> {
  return (await m.getRepository(PersonRelationship).find({ where: { caseId }, order: { createdAt: 'ASC' } })).map((r) => ({
    id: r.id,
    fromPersonId: r.fromPersonId,
    toPersonId: r.toPersonId,
    type: r.type,
    violence: r.violence,
  }));
}

/** Per person of a case: the data categories disclosed to this agency. */
export async function categoriesDisclosedTo(m: EntityManager, caseId: string, agencyId: string): Promise<Map<string, DataCategory[]>> {
  const rows = (await m.query(
    'SELECT person_id, array_agg(DISTINCT c) AS categories FROM person_disclosures, unnest(categories) c WHERE case_id = $1 AND $2 = ANY(to_agency_ids) GROUP BY person_id',
    [caseId, agencyId],
  )) as { person_id: string; categories: DataCategory[] }[];
  return new Map(rows.map((r) => [r.person_id, r.categories]));
}

/** A person disclosure as the sharing module records it (justification and nonce already sealed under the case key). */
export interface NewPersonDisclosure {
  caseId: string;
  personId: string;
  fromAgencyId: string;
  fromUserId: string;
  toAgencyIds: string[];
  categories: DataCategory[];
  legalBasis: LegalBasis;
  consentId: string | null;
  justification: string | null;
  justificationNonce: string | null;
  logSeq: string;
  requestId: string | null;
}

/** Records a person disclosure and, when it answers a data request, marks that request fulfilled; returns the disclosure's id. */
export async function recordPersonDisclosure(m: EntityManager, values: NewPersonDisclosure): Promise<string> {
  const repo = m.getRepository(PersonDisclosure);
  const d = await repo.save(repo.create(values));
  if (values.requestId)
    await m.getRepository(PersonDataRequest).update({ id: values.requestId, caseId: values.caseId, personId: values.personId }, { fulfilledAt: new Date() });
  return d.id;
}
