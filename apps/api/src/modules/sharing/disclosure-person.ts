import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The person a disclosure names must belong to its case; anything else is "no such person" (never leak existence). */
export async function disclosurePerson(m: EntityManager, caseId: string, personId: string): Promise<string> {
  const rows: unknown[] = await m.query('SELECT 1 FROM persons WHERE id = $1 AND case_id = $2', [personId, caseId]);
  if (!rows.length) throw new NotFoundException({ code: 'PERSON_NOT_IN_CASE', message: 'No such person in this case' });
  return personId;
}
