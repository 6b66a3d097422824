import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gender and case language as codes (statistics, annual report). The free-text gender column stays
 * encrypted; rows from before this migration keep `gender_code` NULL and are counted as UNKNOWN.
 */
export class GenderAndLanguageCodes1795408000000 implements MigrationInterface {
  name = 'GenderAndLanguageCodes1795408000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE persons ADD COLUMN gender_code text CHECK (gender_code IN ('FEMALE','MALE','X','UNKNOWN'))`);
    await q.query(`ALTER TABLE cases ADD COLUMN language text CHECK (language IN ('NL','FR','DE','EN','OTHER'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN language`);
    await q.query(`ALTER TABLE persons DROP COLUMN gender_code`);
  }
}
