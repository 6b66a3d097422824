import { In, type EntityManager } from 'typeorm';
import type { ClosureReason, GenderCode, PersonRole, RedFlagCode, RiskLevel, Stage } from '@schakel/domain';
import type { CaseContext } from './case-access.service';
import { CaseAgency, type CaseAgencyRole } from './entities/case-agency.entity';
import { CaseRecord } from './entities/case.entity';
import { Person } from './entities/person.entity';

/**
 * How other modules read and change rows of the cases module (`cases`, `case_agencies`, `persons`)
 * beyond CaseAccessService: plain values, never the entities, inside the caller's EntityManager.
 * Row-level access is the caller's business (CaseAccessService.load first).
 */

/** What an agenda or a list shows of a case without loading it through the access rules. */
export interface CaseSummaryRow {
  id: string;
  reference: string;
  stage: Stage;
  riskLevel: RiskLevel | null;
  redFlags: RedFlagCode[];
}

export async function caseSummaries(m: EntityManager, caseIds: readonly string[]): Promise<CaseSummaryRow[]> {
  const unique = [...new Set(caseIds)];
  if (!unique.length) return [];
  return (
    await m.getRepository(CaseRecord).find({ select: { id: true, reference: true, stage: true, riskLevel: true, redFlags: true }, where: { id: In(unique) } })
  ).map((c) => ({ id: c.id, reference: c.reference, stage: c.stage, riskLevel: c.riskLevel, redFlags: c.redFlags }));
}

/** Case references by id. */
export async function caseReferences(m: EntityManager, caseIds: readonly string[]): Promise<Map<string, string>> {
  return new Map((await caseSummaries(m, caseIds)).map((c) => [c.id, c.reference]));
}

/** Writes back a case loaded through CaseAccessService (stage, escalation flag, risk level…), version-checked by TypeORM. */
export async function saveCase(m: EntityManager, record: CaseContext['record']): Promise<void> {
  await m.getRepository(CaseRecord).save(record);
}

/** What a GDPR export shows of the case of a person. */
export interface CaseOfPerson {
  id: string;
  reference: string;
  stage: Stage;
  createdAt: Date;
  closedAt: Date | null;
  closureReason: ClosureReason | null;
  agencies: { agencyId: string; role: CaseAgencyRole; joinedAt: Date }[];
}

export async function caseOfPerson(m: EntityManager, caseId: string): Promise<CaseOfPerson> {
  const c = await m.getRepository(CaseRecord).findOneByOrFail({ id: caseId });
  const agencies = await m.getRepository(CaseAgency).findBy({ caseId });
  return {
    id: c.id,
    reference: c.reference,
    stage: c.stage,
    createdAt: c.createdAt,
    closedAt: c.closedAt,
    closureReason: c.closureReason,
    agencies: agencies.map((a) => ({ agencyId: a.agencyId, role: a.role, joinedAt: a.joinedAt })),
  };
}

/** A person row: identity columns hold ciphertext (person-crypto.ts reads them). */
export interface PersonRecord {
  id: string;
  caseId: string;
  role: PersonRole;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  nationalNumber: string | null;
  address: string | null;
  gender: string | null;
  phone: string | null;
  email: string | null;
  confidentialAddress: boolean;
  addressAuthorAgencyId: string | null;
  createdByAgencyId: string | null;
  informed: boolean | null;
  consentGiven: boolean | null;
  genderCode: GenderCode | null;
  blindIndex: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type NewPerson = Omit<
  PersonRecord,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
  | 'role'
  | 'firstName'
  | 'lastName'
  | 'birthDate'
  | 'nationalNumber'
  | 'address'
  | 'gender'
  | 'phone'
  | 'email'
  | 'genderCode'
> &
  Partial<Pick<PersonRecord, 'role' | 'firstName' | 'lastName' | 'birthDate' | 'nationalNumber' | 'address' | 'gender' | 'phone' | 'email' | 'genderCode'>>;

/** Adds a person to a case; returns its id. */
export async function insertPerson(m: EntityManager, values: NewPerson): Promise<string> {
  const { identifiers } = await m.getRepository(Person).insert(values);
  return identifiers[0]!['id'] as string;
}

/** A person of this case, or null. `lock` takes the row for update (then change it and savePerson). */
export function personOf(m: EntityManager, caseId: string, personId: string, lock = false): Promise<PersonRecord | null> {
  return m.getRepository(Person).findOne({ where: { id: personId, caseId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
}

/** A person by id alone (the DPO's export), or null. */
export function personById(m: EntityManager, personId: string): Promise<PersonRecord | null> {
  return m.getRepository(Person).findOneBy({ id: personId });
}

/** Writes back a person read with personOf(…, true), version-checked by TypeORM. */
export async function savePerson(m: EntityManager, p: PersonRecord): Promise<void> {
  await m.getRepository(Person).save(p as Person);
}

/** How many of these ids are persons of this case. */
export function countPersonsOf(m: EntityManager, caseId: string, personIds: readonly string[]): Promise<number> {
  return m.getRepository(Person).countBy({ caseId, id: In([...new Set(personIds)]) });
}

export function personExists(m: EntityManager, caseId: string, personId: string): Promise<boolean> {
  return m.getRepository(Person).existsBy({ id: personId, caseId });
}

/** The persons of a case by role only (no identity): id and role, in the order they were added. */
export async function personRolesOf(m: EntityManager, caseId: string): Promise<{ id: string; role: PersonRole }[]> {
  return (await m.getRepository(Person).find({ where: { caseId }, order: { createdAt: 'ASC' }, select: { id: true, role: true } })).map((p) => ({
    id: p.id,
    role: p.role,
  }));
}
