import { In, type EntityManager } from 'typeorm';
import type { AgencyType } from '@schakel/domain';
import { Agency } from './agency.entity';

/**
 * How other modules read the `agencies` table (the agencies module owns it): plain values, never the
 * entity. AgenciesService is the HTTP side; these take the caller's EntityManager so they run inside
 * the caller's transaction.
 */
export interface AgencyRef {
  id: string;
  name: string;
  type: AgencyType;
  district: string;
  active: boolean;
  emergencyService: boolean;
}

const ref = (a: Agency): AgencyRef => ({ id: a.id, name: a.name, type: a.type, district: a.district, active: a.active, emergencyService: a.emergencyService });

/** The agencies with these ids (missing ones are simply absent), optionally only active ones or of one type. */
export async function agenciesByIds(m: EntityManager, ids: readonly string[], where: { active?: boolean; type?: AgencyType } = {}): Promise<AgencyRef[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return (await m.getRepository(Agency).findBy({ id: In(unique), ...where })).map(ref);
}

export async function agencyById(m: EntityManager, id: string): Promise<AgencyRef | null> {
  const a = await m.getRepository(Agency).findOneBy({ id });
  return a ? ref(a) : null;
}

/** Agency names by id, for views ("shared by X with Y"). */
export async function agencyNames(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await agenciesByIds(m, ids)).map((a) => [a.id, a.name]));
}

/** The ids of the agencies of a judicial district. */
export async function agencyIdsInDistrict(m: EntityManager, district: string): Promise<string[]> {
  return (await m.getRepository(Agency).find({ select: { id: true }, where: { district } })).map((a) => a.id);
}

/** For the first administrator's bootstrap (identity): creates an agency. */
export async function createAgency(m: EntityManager, values: Pick<AgencyRef, 'name' | 'type' | 'district' | 'active'>): Promise<AgencyRef> {
  const repo = m.getRepository(Agency);
  return ref(await repo.save(repo.create(values)));
}
