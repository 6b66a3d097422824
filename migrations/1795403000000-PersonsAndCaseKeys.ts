import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Need to know per person field, persons and relationships editable after referral, and per-case
 * data keys for free text (erasure by key destruction). See docs/adr/0009.
 */
export class PersonsAndCaseKeys1795403000000 implements MigrationInterface {
  name = 'PersonsAndCaseKeys1795403000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE persons
      ADD COLUMN phone text,
      ADD COLUMN email text,
      ADD COLUMN confidential_address boolean NOT NULL DEFAULT false,
      ADD COLUMN address_author_agency_id uuid REFERENCES agencies(id),
      ADD COLUMN created_by_agency_id uuid REFERENCES agencies(id),
      ADD COLUMN informed boolean,
      ADD COLUMN consent_given boolean,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN version integer NOT NULL DEFAULT 1`);
    // Persons so far were all written by the referring agency.
    await q.query(`UPDATE persons p SET created_by_agency_id = c.referring_agency_id, address_author_agency_id = c.referring_agency_id,
      informed = c.informed, consent_given = c.consent_given FROM cases c WHERE c.id = p.case_id`);

    await q.query(`CREATE TABLE person_relationships (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      from_person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      to_person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      type text NOT NULL CHECK (type IN ('PARTNER','EX_PARTNER','PARENT','CHILD','SIBLING','OTHER_FAMILY')),
      violence text NOT NULL CHECK (violence IN ('ONE_WAY','MUTUAL','NONE')),
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (from_person_id <> to_person_id),
      UNIQUE (from_person_id, to_person_id, type)
    )`);
    await q.query(`CREATE INDEX person_relationships_case_idx ON person_relationships (case_id)`);

    // A disclosure of a person's identification or contact details to named agencies; its sharing-log
    // entry is the evidence, this row is what opens the compartment for the recipients.
    await q.query(`CREATE TABLE person_disclosures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      from_agency_id uuid NOT NULL REFERENCES agencies(id),
      from_user_id uuid NOT NULL REFERENCES users(id),
      to_agency_ids uuid[] NOT NULL,
      categories text[] NOT NULL CHECK (categories <@ ARRAY['IDENTIFICATION','CONTACT']::text[]),
      legal_basis text NOT NULL,
      consent_id uuid,
      justification text,
      justification_nonce text,
      log_seq bigint NOT NULL,
      request_id uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX person_disclosures_person_idx ON person_disclosures (person_id)`);
    await q.query(`CREATE TABLE person_data_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      requested_by uuid NOT NULL REFERENCES users(id),
      categories text[] NOT NULL CHECK (categories <@ ARRAY['IDENTIFICATION','CONTACT']::text[]),
      reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      fulfilled_at timestamptz
    )`);
    await q.query(`CREATE INDEX person_data_requests_person_idx ON person_data_requests (person_id) WHERE fulfilled_at IS NULL`);

    // One data key per case, wrapped by the ENCRYPTION_KEYS ring. Destroying it (wrapped_key NULL)
    // makes every free-text field of the case unreadable at once.
    await q.query(`CREATE TABLE case_keys (
      case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
      wrapped_key text,
      created_at timestamptz NOT NULL DEFAULT now(),
      destroyed_at timestamptz,
      destroyed_by uuid REFERENCES users(id),
      destruction_reason text,
      CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
    )`);
    await q.query(`COMMENT ON COLUMN case_keys.wrapped_key IS 'AES-256-GCM data key wrapped by ENCRYPTION_KEYS; NULL once destroyed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_keys`);
    await q.query(`DROP TABLE person_data_requests`);
    await q.query(`DROP TABLE person_disclosures`);
    await q.query(`DROP TABLE person_relationships`);
    await q.query(`ALTER TABLE persons DROP COLUMN phone, DROP COLUMN email, DROP COLUMN confidential_address, DROP COLUMN address_author_agency_id,
      DROP COLUMN created_by_agency_id, DROP COLUMN informed, DROP COLUMN consent_given, DROP COLUMN updated_at, DROP COLUMN version`);
  }
}
