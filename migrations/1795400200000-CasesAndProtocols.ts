import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesAndProtocols1795400200000 implements MigrationInterface {
  name = 'CasesAndProtocols1795400200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE protocols (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL,
      district text NOT NULL,
      purpose text NOT NULL,
      data_categories text[] NOT NULL,
      retention_months integer NOT NULL CHECK (retention_months BETWEEN 1 AND 600),
      valid_from date NOT NULL,
      valid_until date,
      status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','REJECTED','SUSPENDED')),
      reference text,
      decision_reason text,
      revision integer NOT NULL DEFAULT 1,
      amends_id uuid REFERENCES protocols(id),
      created_by uuid NOT NULL REFERENCES users(id),
      decided_by uuid REFERENCES users(id),
      submitted_at timestamptz,
      decided_at timestamptz,
      version integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_until IS NULL OR valid_until >= valid_from)
    )`);
    await q.query(`CREATE INDEX protocols_district_idx ON protocols (district, created_at)`);
    await q.query(`CREATE TABLE protocol_agencies (
      protocol_id uuid NOT NULL REFERENCES protocols(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      PRIMARY KEY (protocol_id, agency_id)
    )`);
    await q.query(`CREATE INDEX protocol_agencies_agency_idx ON protocol_agencies (agency_id, protocol_id)`);
    // An approved protocol is immutable: the content columns cannot change once approved.
    await q.query(`CREATE FUNCTION protocols_freeze_approved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status IN ('APPROVED','SUSPENDED') AND (
          NEW.title IS DISTINCT FROM OLD.title OR NEW.purpose IS DISTINCT FROM OLD.purpose OR
          NEW.district IS DISTINCT FROM OLD.district OR NEW.data_categories IS DISTINCT FROM OLD.data_categories OR
          NEW.retention_months IS DISTINCT FROM OLD.retention_months OR NEW.valid_from IS DISTINCT FROM OLD.valid_from OR
          NEW.valid_until IS DISTINCT FROM OLD.valid_until) THEN
          RAISE EXCEPTION 'an approved protocol is immutable: amend it as a new version';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER protocols_freeze_approved BEFORE UPDATE ON protocols FOR EACH ROW EXECUTE FUNCTION protocols_freeze_approved()`);

    await q.query(`CREATE TABLE case_reference_counters (year integer PRIMARY KEY, last integer NOT NULL)`);
    await q.query(`CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE,
      protocol_id uuid NOT NULL REFERENCES protocols(id),
      stage text NOT NULL CHECK (stage IN ('AANMELDING','DOSSIERVORMING','WEGING','CASUSREGIE','UITVOERING','EVALUATIE','AFGESLOTEN')),
      stage_entered_at timestamptz NOT NULL DEFAULT now(),
      closure_reason text CHECK (closure_reason IN ('DECLINED','NOT_INCLUDED','COMPLETED')),
      closed_at timestamptz,
      risk_level text,
      summary text NOT NULL,
      incident_date date NOT NULL,
      incident_types text[] NOT NULL,
      police_reference text,
      red_flags text[] NOT NULL DEFAULT '{}',
      informed boolean NOT NULL,
      consent_given boolean NOT NULL,
      repeat_referral boolean NOT NULL DEFAULT false,
      legal_hold boolean NOT NULL DEFAULT false,
      referrer_id uuid NOT NULL REFERENCES users(id),
      referring_agency_id uuid NOT NULL REFERENCES agencies(id),
      director_id uuid REFERENCES users(id),
      version integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX cases_created_idx ON cases (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_stage_idx ON cases (stage, created_at DESC)`);
    await q.query(`CREATE INDEX cases_referrer_idx ON cases (referrer_id)`);
    await q.query(`CREATE INDEX cases_director_idx ON cases (director_id)`);
    await q.query(`CREATE INDEX cases_protocol_idx ON cases (protocol_id) WHERE director_id IS NULL`);
    await q.query(`CREATE TABLE case_agencies (
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      role text NOT NULL CHECK (role IN ('REFERRER','DIRECTOR','INVITED')),
      invited_by uuid REFERENCES users(id),
      joined_at timestamptz NOT NULL DEFAULT now(),
      contribution_waived_at timestamptz,
      waiver_reason text,
      PRIMARY KEY (case_id, agency_id)
    )`);
    await q.query(`CREATE INDEX case_agencies_agency_idx ON case_agencies (agency_id, case_id)`);
    await q.query(`CREATE TABLE persons (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('VICTIM','ALLEGED_PERPETRATOR','CHILD','OTHER')),
      first_name text NOT NULL,
      last_name text NOT NULL,
      birth_date text,
      national_number text,
      address text,
      gender text,
      blind_index text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`COMMENT ON COLUMN persons.first_name IS 'AES-256-GCM ciphertext (ENCRYPTION_KEYS)'`);
    await q.query(`CREATE INDEX persons_case_idx ON persons (case_id)`);
    await q.query(`CREATE INDEX persons_blind_index_idx ON persons (blind_index, created_at)`);
    await q.query(`CREATE TABLE case_events (
      id bigserial PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      type text NOT NULL,
      actor_id uuid REFERENCES users(id),
      actor_agency_id uuid REFERENCES agencies(id),
      reason text,
      detail jsonb NOT NULL DEFAULT '{}'::jsonb
    )`);
    await q.query(`CREATE INDEX case_events_case_idx ON case_events (case_id, id)`);
    await q.query(`CREATE TABLE contributions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      author_id uuid NOT NULL REFERENCES users(id),
      category text NOT NULL,
      content text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX contributions_case_idx ON contributions (case_id, agency_id, created_at)`);
    await q.query(`CREATE TABLE decisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      type text NOT NULL CHECK (type IN ('INCLUDE','REFER_ELSEWHERE','NO_FURTHER_ACTION')),
      rationale text NOT NULL,
      conference_id uuid,
      decided_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE INDEX decisions_case_idx ON decisions (case_id, created_at)`);
    await q.query(`CREATE TABLE actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      description text NOT NULL,
      owner_agency_id uuid NOT NULL REFERENCES agencies(id),
      due_date date NOT NULL,
      measure text NOT NULL,
      status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','DONE','CANCELLED')),
      created_by uuid NOT NULL REFERENCES users(id),
      version integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX actions_case_idx ON actions (case_id, created_at)`);
    await q.query(`CREATE INDEX actions_overdue_idx ON actions (status, due_date) WHERE status = 'OPEN'`);
    await q.query(`CREATE TABLE evaluations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      outcome text NOT NULL CHECK (outcome IN ('CONTINUE','ESCALATE','CLOSE')),
      summary text NOT NULL,
      risk_assessment_id uuid,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE INDEX evaluations_case_idx ON evaluations (case_id, created_at)`);
    await q.query(`CREATE TABLE access_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      user_id uuid NOT NULL REFERENCES users(id),
      agency_id uuid NOT NULL REFERENCES agencies(id),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      resource text NOT NULL,
      resource_id text
    )`);
    await q.query(`CREATE INDEX access_log_at_idx ON access_log (at DESC, id DESC)`);
    await q.query(`CREATE INDEX access_log_case_idx ON access_log (case_id, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'access_log',
      'evaluations',
      'actions',
      'decisions',
      'contributions',
      'case_events',
      'persons',
      'case_agencies',
      'cases',
      'case_reference_counters',
      'protocol_agencies',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP TRIGGER protocols_freeze_approved ON protocols`);
    await q.query(`DROP FUNCTION protocols_freeze_approved()`);
    await q.query(`DROP TABLE protocols`);
  }
}
