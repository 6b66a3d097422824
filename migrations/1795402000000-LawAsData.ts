import type { MigrationInterface, QueryRunner } from 'typeorm';

// The legal bases as data (issue 9): what each basis is, which article applies on which date, and
// the conditions the API enforces. The new Criminal Code (law of 29 February 2024) applies from
// 8 April 2026; its article numbers for these provisions were not verified against Justel when this
// was written, so those rows say so (`verified = false`) and a later migration corrects them.

interface BasisSeed {
  key: string;
  position: number;
  conditions: Record<string, unknown>;
  title: [string, string, string];
  explanation: [string, string, string];
  references: { code: string; from: string; until: string | null; reference: string; verified: boolean }[];
}

const base = { recipients: 'CASE_AGENCIES', consent: false, justification: true, person: false, dangerStatement: false, provision: false, dpoReview: false };
const OLD_CODE_UNTIL = '2026-04-07';
const NEW_CODE_FROM = '2026-04-08';

const BASES: BasisSeed[] = [
  {
    key: 'CONSENT',
    position: 1,
    conditions: { ...base, consent: true, justification: false },
    title: ['Toestemming', 'Consentement', 'Consent'],
    explanation: [
      'De persoon heeft toegestemd om deze informatie met deze diensten te delen en heeft die toestemming niet ingetrokken.',
      "La personne a consenti au partage de ces informations avec ces services et n'a pas retiré ce consentement.",
      'The person agreed to share this information with these agencies and has not withdrawn that consent.',
    ],
    references: [{ code: 'GDPR', from: '2018-05-25', until: null, reference: 'art. 6.1.a en 9.2.a AVG/RGPD', verified: true }],
  },
  {
    key: 'ART_458TER',
    position: 2,
    conditions: base,
    title: ['Casusoverleg (art. 458ter)', 'Concertation de cas (art. 458ter)', 'Case conference (art. 458ter)'],
    explanation: [
      'Informatie gedeeld binnen het casusoverleg, onder het protocol dat de procureur goedkeurde, om de persoon of anderen te beschermen. Ze mag alleen gebruikt worden voor de misdrijven waarvoor het overleg werd opgericht (§2).',
      "Informations partagées dans la concertation de cas, sous le protocole approuvé par le procureur, pour protéger la personne ou des tiers. Elles ne peuvent servir qu'aux infractions pour lesquelles la concertation a été organisée (§2).",
      'Information shared within the case conference, under the protocol the prosecutor approved, to protect the person or others. It may only be used for the offences the conference was set up for (§2).',
    ],
    references: [
      { code: 'SW_1867', from: '2017-07-17', until: OLD_CODE_UNTIL, reference: 'art. 458ter Sw. (1867)', verified: true },
      { code: 'SW_2024', from: NEW_CODE_FROM, until: null, reference: 'Sw. 2024, opvolger van art. 458ter Sw. (1867)', verified: false },
    ],
  },
  {
    key: 'ART_458BIS',
    position: 3,
    conditions: { ...base, recipients: 'PROSECUTION', person: true, dangerStatement: true },
    title: ['Melding aan de procureur (art. 458bis)', 'Signalement au procureur (art. 458bis)', 'Report to the prosecutor (art. 458bis)'],
    explanation: [
      'Een melding aan de procureur des Konings over een minderjarige of kwetsbare persoon van deze casus die in ernstig en dreigend gevaar verkeert. Alleen het parket mag ontvangen.',
      'Un signalement au procureur du Roi concernant un mineur ou une personne vulnérable de ce dossier en danger grave et imminent. Seul le parquet peut le recevoir.',
      'A report to the public prosecutor about a minor or vulnerable person of this case who is in serious and imminent danger. Only the prosecution office may receive it.',
    ],
    references: [
      { code: 'SW_1867', from: '2012-01-01', until: OLD_CODE_UNTIL, reference: 'art. 458bis Sw. (1867)', verified: true },
      { code: 'SW_2024', from: NEW_CODE_FROM, until: null, reference: 'Sw. 2024, opvolger van art. 458bis Sw. (1867)', verified: false },
    ],
  },
  {
    key: 'ART_422BIS',
    position: 4,
    conditions: { ...base, recipients: 'EMERGENCY_SERVICES', dangerStatement: true },
    title: ['Persoon in groot gevaar (art. 422bis)', 'Personne en péril grave (art. 422bis)', 'Person in grave danger (art. 422bis)'],
    explanation: [
      'Iemand verkeert nu in groot gevaar: u verwittigt de politie of een hulpdienst die meteen kan helpen.',
      'Une personne est en péril grave maintenant : vous prévenez la police ou un service de secours qui peut aider sans délai.',
      'A person is in grave danger now: you inform the police or an emergency service who can help straight away.',
    ],
    references: [
      { code: 'SW_1867', from: '1961-01-06', until: OLD_CODE_UNTIL, reference: 'art. 422bis Sw. (1867)', verified: true },
      { code: 'SW_2024', from: NEW_CODE_FROM, until: null, reference: 'Sw. 2024, opvolger van art. 422bis Sw. (1867)', verified: false },
    ],
  },
  {
    key: 'LEGAL_OBLIGATION',
    position: 5,
    conditions: { ...base, provision: true },
    title: ['Wettelijke verplichting', 'Obligation légale', 'Legal obligation'],
    explanation: [
      'Een bepaalde wet verplicht u deze informatie door te geven; u vermeldt die bepaling.',
      'Une loi précise vous oblige à transmettre ces informations ; vous citez cette disposition.',
      'A specific law obliges you to pass on this information; you cite that provision.',
    ],
    references: [{ code: 'GDPR', from: '2018-05-25', until: null, reference: 'art. 6.1.c AVG/RGPD en de aangehaalde bepaling', verified: true }],
  },
  {
    key: 'NECESSITY',
    position: 6,
    conditions: { ...base, dangerStatement: true, dpoReview: true },
    title: ['Noodtoestand', 'État de nécessité', 'State of necessity'],
    explanation: [
      'Acuut, ernstig gevaar dat op geen andere manier af te wenden is. De functionaris voor gegevensbescherming bekijkt elke zulke deling achteraf.',
      'Un danger grave et actuel qui ne peut être écarté autrement. Le délégué à la protection des données examine chaque partage de ce type a posteriori.',
      'Acute, serious danger that cannot be averted in any other way. The data protection officer reviews every such disclosure afterwards.',
    ],
    references: [
      { code: 'CASE_LAW', from: '1867-06-08', until: null, reference: 'noodtoestand / état de nécessité (rechtspraak en rechtsleer)', verified: true },
    ],
  },
];

const STATEMENT = {
  nl: 'Ik bevestig dat ik gebonden ben door het beroepsgeheim van art. 458ter §2 Sw.: wat in dit casusoverleg gedeeld wordt, houd ik geheim en gebruik ik alleen voor het doel van het protocol. Informatie gedeeld onder art. 458ter mag alleen leiden tot vervolging van de misdrijven waarvoor het overleg werd opgericht.',
  fr: "Je confirme être tenu(e) au secret professionnel de l'art. 458ter §2 C. pén. : je garde secret ce qui est partagé dans cette concertation de cas et ne l'utilise qu'aux fins du protocole. Les informations partagées sous l'art. 458ter ne peuvent mener qu'à la poursuite des infractions pour lesquelles la concertation a été organisée.",
  en: 'I confirm that I am bound by professional secrecy under art. 458ter §2 of the Criminal Code: I keep what is shared in this case conference secret and use it only for the purpose of the protocol. Information shared under art. 458ter may only lead to prosecution of the offences the conference was set up for.',
};

export class LawAsData1795402000000 implements MigrationInterface {
  name = 'LawAsData1795402000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE legal_bases (
      key text PRIMARY KEY,
      position integer NOT NULL,
      conditions jsonb NOT NULL,
      title_nl text NOT NULL, title_fr text NOT NULL, title_en text NOT NULL,
      explanation_nl text NOT NULL, explanation_fr text NOT NULL, explanation_en text NOT NULL
    )`);
    await q.query(`CREATE TABLE legal_basis_references (
      key text NOT NULL REFERENCES legal_bases(key),
      code text NOT NULL,
      valid_from date NOT NULL,
      valid_until date,
      reference text NOT NULL,
      verified boolean NOT NULL,
      PRIMARY KEY (key, valid_from),
      CHECK (valid_until IS NULL OR valid_until >= valid_from)
    )`);
    for (const b of BASES) {
      await q.query(
        `INSERT INTO legal_bases (key, position, conditions, title_nl, title_fr, title_en, explanation_nl, explanation_fr, explanation_en) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [b.key, b.position, JSON.stringify(b.conditions), ...b.title, ...b.explanation],
      );
      for (const r of b.references) {
        await q.query(`INSERT INTO legal_basis_references (key, code, valid_from, valid_until, reference, verified) VALUES ($1, $2, $3, $4, $5, $6)`, [
          b.key,
          r.code,
          r.from,
          r.until,
          r.reference,
          r.verified,
        ]);
      }
    }

    await q.query(`ALTER TABLE agencies ADD COLUMN emergency_service boolean NOT NULL DEFAULT false`);

    // Columns added to the append-only table: the row trigger still refuses any later change.
    await q.query(`ALTER TABLE disclosures ADD COLUMN legal_reference text, ADD COLUMN person_id uuid REFERENCES persons(id),
      ADD COLUMN danger_statement text, ADD COLUMN provision text`);
    await q.query(`CREATE TABLE disclosure_reviews (
      id bigserial PRIMARY KEY,
      disclosure_id uuid NOT NULL REFERENCES disclosures(id),
      outcome text NOT NULL CHECK (outcome IN ('REVIEWED','QUESTIONED')),
      note text NOT NULL,
      reviewed_by uuid NOT NULL REFERENCES users(id),
      reviewed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX disclosure_reviews_disclosure_idx ON disclosure_reviews (disclosure_id, reviewed_at DESC)`);
    await q.query(`CREATE INDEX disclosures_necessity_idx ON disclosures (created_at) WHERE legal_basis = 'NECESSITY'`);

    await q.query(`ALTER TABLE protocols ADD COLUMN approver_agency_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN modalities jsonb, ADD COLUMN motivation text`);
    await q.query(`CREATE TABLE protocol_approvals (
      protocol_id uuid NOT NULL REFERENCES protocols(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agencies(id),
      approved_by uuid NOT NULL REFERENCES users(id),
      approved_at timestamptz NOT NULL DEFAULT now(),
      reference text NOT NULL,
      motivation text NOT NULL,
      PRIMARY KEY (protocol_id, agency_id)
    )`);
    await q.query(`CREATE TABLE protocol_events (
      id bigserial PRIMARY KEY,
      protocol_id uuid NOT NULL REFERENCES protocols(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES users(id),
      type text NOT NULL,
      reason text,
      detail jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE INDEX protocol_events_protocol_idx ON protocol_events (protocol_id, id)`);
    // The modalities and approvers are part of what the prosecutor approved: frozen with the rest.
    await q.query(`CREATE OR REPLACE FUNCTION protocols_freeze_approved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status IN ('APPROVED','SUSPENDED') AND (
          NEW.title IS DISTINCT FROM OLD.title OR NEW.purpose IS DISTINCT FROM OLD.purpose OR
          NEW.district IS DISTINCT FROM OLD.district OR NEW.data_categories IS DISTINCT FROM OLD.data_categories OR
          NEW.retention_months IS DISTINCT FROM OLD.retention_months OR NEW.valid_from IS DISTINCT FROM OLD.valid_from OR
          NEW.valid_until IS DISTINCT FROM OLD.valid_until OR NEW.modalities IS DISTINCT FROM OLD.modalities OR
          NEW.approver_agency_ids IS DISTINCT FROM OLD.approver_agency_ids) THEN
          RAISE EXCEPTION 'an approved protocol is immutable: amend it as a new version';
        END IF;
        RETURN NEW;
      END $$`);

    await q.query(`CREATE TABLE confidentiality_statements (
      version integer PRIMARY KEY,
      text_nl text NOT NULL, text_fr text NOT NULL, text_en text NOT NULL,
      valid_from timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`INSERT INTO confidentiality_statements (version, text_nl, text_fr, text_en) VALUES (1, $1, $2, $3)`, [
      STATEMENT.nl,
      STATEMENT.fr,
      STATEMENT.en,
    ]);
    await q.query(`CREATE TABLE protocol_acknowledgements (
      protocol_id uuid NOT NULL REFERENCES protocols(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      statement_version integer NOT NULL REFERENCES confidentiality_statements(version),
      acknowledged_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (protocol_id, user_id, statement_version)
    )`);
    await q.query(`CREATE INDEX protocol_acknowledgements_user_idx ON protocol_acknowledgements (user_id, protocol_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'protocol_acknowledgements',
      'confidentiality_statements',
      'protocol_events',
      'protocol_approvals',
      'disclosure_reviews',
      'legal_basis_references',
      'legal_bases',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`CREATE OR REPLACE FUNCTION protocols_freeze_approved() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`ALTER TABLE protocols DROP COLUMN approver_agency_ids, DROP COLUMN modalities, DROP COLUMN motivation`);
    await q.query(`DROP INDEX disclosures_necessity_idx`);
    await q.query(`ALTER TABLE disclosures DROP COLUMN legal_reference, DROP COLUMN person_id, DROP COLUMN danger_statement, DROP COLUMN provision`);
    await q.query(`ALTER TABLE agencies DROP COLUMN emergency_service`);
  }
}
