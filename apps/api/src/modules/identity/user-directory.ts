import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@schakel/domain';
import { User } from './entities/user.entity';

/**
 * How other modules read staff accounts (the identity module owns `users`): plain values, never the
 * entity, and never credentials. The one place display names are resolved: timelines, teams,
 * decisions, evaluations, assessments, conference participants and the access log all come here.
 */
export interface StaffMember {
  id: string;
  displayName: string;
  agencyId: string;
  active: boolean;
  roles: Role[];
}

const member = (u: User): StaffMember => ({ id: u.id, displayName: u.displayName, agencyId: u.agencyId, active: u.active, roles: u.roles });

const ids = (xs: readonly (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

/** Display names of staff accounts by id, for "who decided / assessed / evaluated / did this" in views. */
export async function displayNames(db: DataSource | EntityManager, userIds: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = ids(userIds);
  if (!unique.length) return new Map();
  const rows: { id: string; display_name: string }[] = await db.query('SELECT id, display_name FROM users WHERE id = ANY($1)', [unique]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The staff accounts with these ids (missing ones are simply absent). */
export async function staffByIds(m: EntityManager, userIds: readonly (string | null | undefined)[]): Promise<StaffMember[]> {
  const unique = ids(userIds);
  return unique.length ? (await m.getRepository(User).findBy({ id: In(unique) })).map(member) : [];
}

export async function staffById(m: EntityManager, id: string): Promise<StaffMember | null> {
  const u = await m.getRepository(User).findOneBy({ id });
  return u ? member(u) : null;
}

/**
 * Active accounts of these agencies, plus the holders of `role` in `roleAgencyIds` (a district's
 * prosecutor liaisons), by display name.
 */
export async function activeStaffOf(
  m: EntityManager,
  agencyIds: readonly string[],
  role?: { role: Role; agencyIds: readonly string[] },
): Promise<StaffMember[]> {
  const rows = await m
    .getRepository(User)
    .createQueryBuilder('u')
    .where('u.active AND (u.agency_id = ANY(:agencyIds) OR (u.agency_id = ANY(:roleAgencyIds) AND :role = ANY(u.roles)))', {
      agencyIds: [...agencyIds],
      roleAgencyIds: [...(role?.agencyIds ?? [])],
      role: role?.role ?? '',
    })
    .orderBy('u.display_name', 'ASC')
    .getMany();
  return rows.map(member);
}
