import { defineAbilityFor } from './define-ability';
import { rulesToSql, type FieldSqlMap } from './rules-to-sql';

const caseFields: FieldSqlMap = {
  agencyIds: (p) => `EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency_id = :${p})`,
  directorId: (p, v) => (v === null ? 'c.director_id IS NULL' : `c.director_id = :${p}`),
  teamIds: (p) => `(c.director_id = :${p} OR EXISTS (SELECT 1 FROM case_team_members t WHERE t.case_id = c.id AND t.user_id = :${p}))`,
  referrerId: (p) => `c.referrer_id = :${p}`,
  protocolAgencyIds: (p) => `EXISTS (SELECT 1 FROM protocol_agencies pa WHERE pa.protocol_id = c.protocol_id AND pa.agency_id = :${p})`,
};

describe('rulesToSql', () => {
  it('ORs the permitted rules and binds their values as parameters', () => {
    const ability = defineAbilityFor({ id: 'u1', agencyId: 'a1', district: 'X', roles: ['agency_member', 'referrer'] });
    const { sql, params } = rulesToSql(ability, 'read', 'Case', caseFields);
    expect(sql).toContain('c.referrer_id = :casl_');
    expect(sql).toContain('ca.agency_id = :casl_');
    expect(sql).toMatch(/^\(.* OR .*\)$/);
    expect(Object.values(params).sort()).toEqual(['a1', 'u1']);
  });

  it('is FALSE when no rule grants the action', () => {
    const ability = defineAbilityFor({ id: 'u1', agencyId: 'a1', district: 'X', roles: ['admin'] });
    expect(rulesToSql(ability, 'read', 'Case', caseFields)).toEqual({ sql: 'FALSE', params: {} });
  });

  it('is TRUE for an unconditional rule', () => {
    const ability = defineAbilityFor({ id: 'u1', agencyId: 'a1', district: 'X', roles: ['dpo'] });
    expect(rulesToSql(ability, 'read', 'SharingLog', { district: (p) => `district = :${p}`, caseAgencyIds: (p) => `:${p} = ANY(x)` }).sql).toBe('TRUE');
  });

  it('refuses to ignore a field it cannot translate', () => {
    const ability = defineAbilityFor({ id: 'u1', agencyId: 'a1', district: 'X', roles: ['agency_member'] });
    expect(() => rulesToSql(ability, 'read', 'Case', {})).toThrow(/no SQL mapping for field "agencyIds"/);
  });

  it('translates a null condition through the field mapping', () => {
    const ability = defineAbilityFor({ id: 'u9', agencyId: 'a1', district: 'X', roles: ['case_director'] });
    const { sql } = rulesToSql(ability, 'read', 'Case', caseFields);
    expect(sql).toContain('c.director_id IS NULL');
    expect(sql).toContain('c.director_id = :casl_');
  });

  it('emits a rule granted twice once (a case director is also an agency member)', () => {
    const ability = defineAbilityFor({ id: 'u9', agencyId: 'a1', district: 'X', roles: ['case_director', 'agency_member'] });
    const { sql } = rulesToSql(ability, 'read', 'Case', caseFields);
    expect(sql.match(/FROM case_agencies/g)).toHaveLength(1);
    expect(sql.match(/FROM protocol_agencies/g)).toHaveLength(1);
  });

  it('puts column comparisons before subqueries', () => {
    const ability = defineAbilityFor({ id: 'u9', agencyId: 'a1', district: 'X', roles: ['case_director'] });
    const { sql } = rulesToSql(ability, 'read', 'Case', caseFields);
    expect(sql.indexOf('c.director_id = :')).toBeLessThan(sql.indexOf('EXISTS'));
  });

  it('keeps distinct rules that only differ in their values', () => {
    const ability = defineAbilityFor({ id: 'u9', agencyId: 'a1', district: 'X', roles: ['case_director', 'referrer'] });
    const { sql, params } = rulesToSql(ability, 'read', 'Case', caseFields);
    expect(sql).toContain('c.referrer_id = :');
    expect(sql).toContain('c.director_id = :');
    expect(Object.values(params).filter((v) => v === 'u9')).toHaveLength(2);
  });
});
