// Versioned risk-assessment instruments and the pure rules over their answers (product.md step 3
// "Weging", domain.md §6). An instrument is data: sections of items answered yes/no/unknown/n/a,
// optional violence-pattern options and, only when an instrument comes with validated scoring
// (e.g. the COL 15/2020 police checklist once the prosecutor liaison supplies it), a scoring rule.
// Schakel never invents a score: without `scoring` there is no score and no suggested level.
// An instrument key + version is immutable once in use, so assessments of one person made with
// the same key and version answer the same item keys and stay comparable over time.

import { MIN_JUSTIFICATION_LENGTH } from './disclosure';
import type { LocalisedLabel } from './risk-items';

/** Ordered from low to high: the index is the comparison. */
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_ANSWER_VALUES = ['yes', 'no', 'unknown', 'n/a'] as const;
export type RiskAnswerValue = (typeof RISK_ANSWER_VALUES)[number];

/** Where an answer comes from (domain.md §6: victim, perpetrator, professional observation, police record, other). */
export const RISK_ANSWER_SOURCES = ['VICTIM', 'PERPETRATOR', 'PROFESSIONAL_OBSERVATION', 'POLICE_RECORD', 'OTHER'] as const;
export type RiskAnswerSource = (typeof RISK_ANSWER_SOURCES)[number];

/** The assessor's hypothesis on the pattern of violence (domain.md §6.4). */
export const VIOLENCE_PATTERNS = ['SITUATIONAL', 'INTIMATE_TERRORISM', 'UNCLEAR'] as const;
export type ViolencePattern = (typeof VIOLENCE_PATTERNS)[number];

export const RISK_SECTION_KINDS = ['RED_FLAGS', 'PROTECTIVE_FACTORS', 'KINDREFLEX', 'OTHER'] as const;
export type RiskSectionKind = (typeof RISK_SECTION_KINDS)[number];

/** Prompts an assessment raises, in the order a professional should read them. */
export const RISK_PROMPT_CODES = [
  'KINDREFLEX_REQUIRED',
  'MEDICAL_CHECK_ADVISED',
  'HONOUR_RELATED_VIOLENCE_EXPERTISE',
  'COUPLE_THERAPY_CONTRAINDICATED',
  'NO_JOINT_CONVERSATIONS',
  'PROTECT_LOCATION_DATA',
] as const;
export type RiskPromptCode = (typeof RISK_PROMPT_CODES)[number];

export const RISK_PROMPT_LABELS: Readonly<Record<RiskPromptCode, LocalisedLabel>> = {
  KINDREFLEX_REQUIRED: {
    nl: 'Kinderen in het gezin: doorloop de Kindreflex voor elk kind',
    fr: 'Enfants dans la famille : appliquez le Kindreflex pour chaque enfant',
    en: 'Children in the family: go through the Kindreflex for each child',
  },
  MEDICAL_CHECK_ADVISED: {
    nl: 'Na wurging is een medisch onderzoek aangewezen',
    fr: 'Après une strangulation, un examen médical est recommandé',
    en: 'A medical check-up is advised after strangulation',
  },
  HONOUR_RELATED_VIOLENCE_EXPERTISE: {
    nl: 'Vermoeden van eergerelateerd geweld: betrek gespecialiseerde expertise',
    fr: "Suspicion de violence liée à l'honneur : faites appel à une expertise spécialisée",
    en: 'Suspected honour-related violence: involve specialised expertise',
  },
  COUPLE_THERAPY_CONTRAINDICATED: {
    nl: 'Relatietherapie of bemiddeling is gecontra-indiceerd',
    fr: 'La thérapie de couple ou la médiation est contre-indiquée',
    en: 'Couple therapy or mediation is contraindicated',
  },
  NO_JOINT_CONVERSATIONS: {
    nl: 'Voer geen gezamenlijke gesprekken: werk apart met pleger en slachtoffer',
    fr: "Pas d'entretiens conjoints : travaillez séparément avec l'auteur et la victime",
    en: 'No joint conversations: work separately with perpetrator and victim',
  },
  PROTECT_LOCATION_DATA: {
    nl: 'Bescherm verblijfs- en locatiegegevens van slachtoffer en kinderen',
    fr: 'Protégez les données de localisation de la victime et des enfants',
    en: 'Protect the location data of the victim and the children',
  },
};

export interface RiskInstrumentItem {
  /** Stable identifier stored in answers; never reused for another meaning within an instrument key. */
  readonly key: string;
  readonly label: LocalisedLabel;
  readonly help?: LocalisedLabel;
  /** Prompts raised when this item is answered `yes`. */
  readonly promptsWhenYes?: readonly RiskPromptCode[];
}

export interface RiskInstrumentSection {
  readonly key: string;
  readonly kind: RiskSectionKind;
  readonly title: LocalisedLabel;
  /** Answered once per child of the case: the answer key is `<itemKey>:<childPersonId>` (see `perChildKey`). */
  readonly perChild: boolean;
  readonly items: readonly RiskInstrumentItem[];
}

export interface ViolencePatternOption {
  readonly value: ViolencePattern;
  readonly label: LocalisedLabel;
  /** Prompts raised when the assessor records this pattern (e.g. contraindications). */
  readonly prompts: readonly RiskPromptCode[];
}

/**
 * Validated scoring, for an instrument that comes with it: the points of every item answered
 * `yes` are summed, and the highest threshold reached is the suggested level (a floor).
 */
export interface WeightedSumScoring {
  readonly method: 'WEIGHTED_SUM';
  /** Where the weights and thresholds were validated (study, circular). */
  readonly reference: string;
  /** Item key → points when answered `yes` (per-child items cannot carry weight). */
  readonly weights: Readonly<Record<string, number>>;
  /** Ascending by level and by minScore; a score under the first threshold suggests no level. */
  readonly thresholds: readonly { readonly level: RiskLevel; readonly minScore: number }[];
}
export type RiskScoring = WeightedSumScoring;

export interface RiskInstrument {
  /** kebab-case, e.g. `veilig-huis-ifg`. */
  readonly key: string;
  /** A positive integer; a change of items, weights or thresholds is a new version. */
  readonly version: number;
  readonly title: LocalisedLabel;
  /** Where the items come from. */
  readonly source: string;
  readonly disclaimer: LocalisedLabel;
  readonly answerValues: readonly RiskAnswerValue[];
  readonly answerSources: readonly RiskAnswerSource[];
  readonly sections: readonly RiskInstrumentSection[];
  /** Empty when the instrument does not ask for a violence pattern. */
  readonly violencePatterns: readonly ViolencePatternOption[];
  /** `null`: no validated scoring, so no score and no suggested level. */
  readonly scoring: RiskScoring | null;
}

export interface RiskAnswer {
  value: RiskAnswerValue;
  source?: RiskAnswerSource;
  note?: string;
}
export type RiskAnswers = Record<string, RiskAnswer>;

export const MAX_ANSWER_NOTE_LENGTH = 2000;
/** A rationale for going below the suggested level must say something (same bar as a disclosure justification). */
export const MIN_LEVEL_RATIONALE_LENGTH = MIN_JUSTIFICATION_LENGTH;

export const ANSWER_PROBLEM_CODES = [
  'NOT_AN_OBJECT',
  'UNKNOWN_ITEM',
  'CHILD_REQUIRED',
  'UNKNOWN_CHILD',
  'INVALID_ANSWER',
  'UNKNOWN_FIELD',
  'INVALID_VALUE',
  'INVALID_SOURCE',
  'INVALID_NOTE',
] as const;
export type AnswerProblemCode = (typeof ANSWER_PROBLEM_CODES)[number];

export interface AnswerProblem {
  code: AnswerProblemCode;
  /** The answer key concerned ('' for the answers object itself). */
  itemKey: string;
  /** Path inside `answers`: `RF99`, `RF01.value`, `K1:<childId>.note`; '' for the whole object. */
  path: string;
  message: string;
}

const CHILD_SEPARATOR = ':';
const ANSWER_FIELDS = ['value', 'source', 'note'];

/** The answer key of a per-child item for one child (a person of the case with role CHILD). */
export function perChildKey(itemKey: string, childId: string): string {
  return `${itemKey}${CHILD_SEPARATOR}${childId}`;
}

/** Splits an answer key into its item key and, for a per-child answer, the child's person id. */
export function parseAnswerKey(answerKey: string): { itemKey: string; childId: string | null } {
  const at = answerKey.indexOf(CHILD_SEPARATOR);
  return at < 0 ? { itemKey: answerKey, childId: null } : { itemKey: answerKey.slice(0, at), childId: answerKey.slice(at + 1) };
}

interface LocatedItem {
  item: RiskInstrumentItem;
  section: RiskInstrumentSection;
  order: number;
}

function itemIndex(instrument: RiskInstrument): Map<string, LocatedItem> {
  const index = new Map<string, LocatedItem>();
  let order = 0;
  for (const section of instrument.sections) for (const item of section.items) index.set(item.key, { item, section, order: order++ });
  return index;
}

/** Every item key of the instrument, in order: the keys that make assessments comparable. */
export function instrumentItemKeys(instrument: RiskInstrument): string[] {
  return instrument.sections.flatMap((s) => s.items.map((i) => i.key));
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

const includes = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/**
 * Checks untrusted answers against the instrument: every key an item (a per-child item with a
 * child of the case), every answer `{ value, source?, note? }` with allowed values. Returns every
 * problem (empty when valid); unanswered items are allowed.
 */
export function validateAnswers(instrument: RiskInstrument, answers: unknown, context: { childIds?: readonly string[] } = {}): AnswerProblem[] {
  if (!isPlainObject(answers)) return [{ code: 'NOT_AN_OBJECT', itemKey: '', path: '', message: 'answers must be an object keyed by item' }];
  const index = itemIndex(instrument);
  const problems: AnswerProblem[] = [];
  for (const [answerKey, answer] of Object.entries(answers)) {
    const problem = (code: AnswerProblemCode, message: string, field?: string) =>
      problems.push({ code, itemKey: answerKey, path: field ? `${answerKey}.${field}` : answerKey, message });
    const { itemKey, childId } = parseAnswerKey(answerKey);
    const located = index.get(itemKey);
    if (!located) {
      problem('UNKNOWN_ITEM', `${answerKey} is not an item of ${instrument.key} version ${instrument.version}`);
      continue;
    }
    if (located.section.perChild) {
      if (!childId) {
        problem('CHILD_REQUIRED', `${itemKey} is answered per child: use the key ${itemKey}${CHILD_SEPARATOR}<childPersonId>`);
        continue;
      }
      if (context.childIds ? !context.childIds.includes(childId) : childId.trim() === '') {
        problem('UNKNOWN_CHILD', `${childId} is not a child in this case`);
        continue;
      }
    } else if (childId !== null) {
      problem('UNKNOWN_ITEM', `${itemKey} is not answered per child`);
      continue;
    }
    if (!isPlainObject(answer)) {
      problem('INVALID_ANSWER', `${answerKey} must be an object { value, source?, note? }`);
      continue;
    }
    for (const field of Object.keys(answer)) {
      if (!ANSWER_FIELDS.includes(field)) problem('UNKNOWN_FIELD', `${field} is not an allowed field`, field);
    }
    if (!includes(instrument.answerValues, answer['value'])) {
      problem('INVALID_VALUE', `value must be one of ${instrument.answerValues.join(', ')}`, 'value');
    }
    if (answer['source'] !== undefined && !includes(instrument.answerSources, answer['source'])) {
      problem('INVALID_SOURCE', `source must be one of ${instrument.answerSources.join(', ')}`, 'source');
    }
    const note = answer['note'];
    if (note !== undefined && (typeof note !== 'string' || note.length > MAX_ANSWER_NOTE_LENGTH)) {
      problem('INVALID_NOTE', `note must be a text of at most ${MAX_ANSWER_NOTE_LENGTH} characters`, 'note');
    }
  }
  return problems;
}

/**
 * Valid answers (see `validateAnswers`) in a canonical form for storage: instrument order (per-child
 * answers by child id), only `value`, `source` and a trimmed, non-empty `note`.
 */
export function normaliseAnswers(instrument: RiskInstrument, answers: RiskAnswers): RiskAnswers {
  const index = itemIndex(instrument);
  const rank = (key: string) => index.get(parseAnswerKey(key).itemKey)?.order ?? Number.MAX_SAFE_INTEGER;
  const keys = Object.keys(answers).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: RiskAnswers = {};
  for (const key of keys) {
    const a = answers[key]!;
    const note = a.note?.trim();
    out[key] = { value: a.value, ...(a.source ? { source: a.source } : {}), ...(note ? { note } : {}) };
  }
  return out;
}

/** Is the item answered `yes` (for a per-child item: for at least one child)? */
function answeredYes(answers: RiskAnswers, item: RiskInstrumentItem, perChild: boolean): boolean {
  if (!perChild) return answers[item.key]?.value === 'yes';
  const prefix = `${item.key}${CHILD_SEPARATOR}`;
  return Object.entries(answers).some(([k, a]) => k.startsWith(prefix) && a?.value === 'yes');
}

export interface RiskIndicators {
  /** Red-flag item keys answered `yes`, in instrument order. */
  redFlags: string[];
  /** Protective-factor item keys answered `yes`, in instrument order. */
  protectiveFactors: string[];
}

/** The red flags and protective factors present: a listing, never a count to be read as a score. */
export function deriveIndicators(instrument: RiskInstrument, answers: RiskAnswers): RiskIndicators {
  const present = (kind: RiskSectionKind) =>
    instrument.sections.filter((s) => s.kind === kind).flatMap((s) => s.items.filter((i) => answeredYes(answers, i, s.perChild)).map((i) => i.key));
  return { redFlags: present('RED_FLAGS'), protectiveFactors: present('PROTECTIVE_FACTORS') };
}

export interface RiskPrompt {
  code: RiskPromptCode;
  /** The items (answered `yes`) that raised the prompt; empty when raised by the case or the violence pattern. */
  itemKeys: string[];
}

export interface PromptContext {
  /** The case lists persons with role CHILD: the Kindreflex applies (domain.md §6.3). */
  hasChildren: boolean;
  violencePattern?: ViolencePattern | null;
}

/** What the assessment asks the professionals to do or avoid, one prompt per code, in RISK_PROMPT_CODES order. */
export function derivePrompts(instrument: RiskInstrument, answers: RiskAnswers, context: PromptContext): RiskPrompt[] {
  const raised = new Map<RiskPromptCode, string[]>();
  const raise = (code: RiskPromptCode, itemKey?: string) => {
    const keys = raised.get(code) ?? [];
    if (itemKey && !keys.includes(itemKey)) keys.push(itemKey);
    raised.set(code, keys);
  };
  for (const section of instrument.sections) {
    for (const item of section.items) {
      if (item.promptsWhenYes?.length && answeredYes(answers, item, section.perChild)) for (const code of item.promptsWhenYes) raise(code, item.key);
    }
  }
  if (context.hasChildren) raise('KINDREFLEX_REQUIRED');
  const pattern = context.violencePattern ? instrument.violencePatterns.find((p) => p.value === context.violencePattern) : undefined;
  for (const code of pattern?.prompts ?? []) raise(code);
  return RISK_PROMPT_CODES.filter((code) => raised.has(code)).map((code) => ({ code, itemKeys: raised.get(code)! }));
}

export interface RiskScore {
  score: number | null;
  suggestedLevel: RiskLevel | null;
}

/** The score and suggested level of an instrument with validated scoring; both `null` otherwise. */
export function scoreAnswers(instrument: RiskInstrument, answers: RiskAnswers): RiskScore {
  const scoring = instrument.scoring;
  if (!scoring) return { score: null, suggestedLevel: null };
  let score = 0;
  for (const [itemKey, weight] of Object.entries(scoring.weights)) if (answers[itemKey]?.value === 'yes') score += weight;
  let suggestedLevel: RiskLevel | null = null;
  for (const t of scoring.thresholds) if (score >= t.minScore) suggestedLevel = t.level;
  return { score, suggestedLevel };
}

/** The suggested level (a floor) of an instrument with validated scoring, else `null`. */
export function suggestedLevel(instrument: RiskInstrument, answers: RiskAnswers): RiskLevel | null {
  return scoreAnswers(instrument, answers).suggestedLevel;
}

/** Negative when `a` is lower than `b`, 0 when equal, positive when higher. */
export function compareRiskLevels(a: RiskLevel, b: RiskLevel): number {
  return RISK_LEVELS.indexOf(a) - RISK_LEVELS.indexOf(b);
}

/**
 * A professional may set a level below the suggested one only with a written rationale.
 * Returns the refusal code, or `null` when the level stands.
 */
export function checkAssessedLevel(level: RiskLevel, suggested: RiskLevel | null, rationale: string | null | undefined): 'LEVEL_RATIONALE_REQUIRED' | null {
  if (!suggested || compareRiskLevels(level, suggested) >= 0) return null;
  return (rationale?.trim().length ?? 0) >= MIN_LEVEL_RATIONALE_LENGTH ? null : 'LEVEL_RATIONALE_REQUIRED';
}

const INSTRUMENT_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ITEM_KEY = /^[A-Z][A-Z0-9_]*$/;

/** Consistency of an instrument definition (unique keys, known values, scoring on existing items); [] when sound. */
export function validateInstrument(instrument: RiskInstrument): string[] {
  const problems: string[] = [];
  if (!INSTRUMENT_KEY.test(instrument.key)) problems.push(`key ${instrument.key} must be kebab-case`);
  if (!Number.isInteger(instrument.version) || instrument.version < 1) problems.push('version must be a positive integer');
  if (!instrument.answerValues.length || instrument.answerValues.some((v) => !includes(RISK_ANSWER_VALUES, v))) {
    problems.push(`answerValues must be a non-empty subset of ${RISK_ANSWER_VALUES.join(', ')}`);
  }
  if (!instrument.answerValues.includes('yes')) problems.push('answerValues must include yes');
  if (instrument.answerSources.some((v) => !includes(RISK_ANSWER_SOURCES, v)))
    problems.push(`answerSources must be a subset of ${RISK_ANSWER_SOURCES.join(', ')}`);
  const sectionKeys = new Set<string>();
  const items = new Map<string, RiskInstrumentSection>();
  for (const section of instrument.sections) {
    if (sectionKeys.has(section.key)) problems.push(`section ${section.key} is defined twice`);
    sectionKeys.add(section.key);
    if (!section.items.length) problems.push(`section ${section.key} has no items`);
    for (const item of section.items) {
      if (!ITEM_KEY.test(item.key)) problems.push(`item key ${item.key} must be upper case letters, digits and _`);
      if (items.has(item.key)) problems.push(`item ${item.key} is defined twice`);
      items.set(item.key, section);
      for (const code of item.promptsWhenYes ?? []) if (!includes(RISK_PROMPT_CODES, code)) problems.push(`item ${item.key} raises unknown prompt ${code}`);
    }
  }
  const patterns = new Set<string>();
  for (const p of instrument.violencePatterns) {
    if (!includes(VIOLENCE_PATTERNS, p.value)) problems.push(`violence pattern ${p.value} is unknown`);
    if (patterns.has(p.value)) problems.push(`violence pattern ${p.value} is defined twice`);
    patterns.add(p.value);
    for (const code of p.prompts) if (!includes(RISK_PROMPT_CODES, code)) problems.push(`violence pattern ${p.value} raises unknown prompt ${code}`);
  }
  const scoring = instrument.scoring;
  if (scoring) {
    if (scoring.method !== 'WEIGHTED_SUM') problems.push(`scoring method ${String(scoring.method)} is not supported`);
    if (!scoring.reference?.trim()) problems.push('scoring needs the reference of its validation');
    for (const [key, weight] of Object.entries(scoring.weights)) {
      const section = items.get(key);
      if (!section) problems.push(`scoring weighs unknown item ${key}`);
      else if (section.perChild) problems.push(`scoring weighs per-child item ${key}`);
      if (!Number.isFinite(weight)) problems.push(`weight of ${key} must be a finite number`);
    }
    if (!scoring.thresholds.length) problems.push('scoring needs at least one threshold');
    scoring.thresholds.forEach((t, i) => {
      if (!includes(RISK_LEVELS, t.level)) problems.push(`threshold level ${t.level} is unknown`);
      if (!Number.isFinite(t.minScore)) problems.push(`threshold ${t.level} needs a finite minScore`);
      const prev = scoring.thresholds[i - 1];
      if (prev && (compareRiskLevels(t.level, prev.level) <= 0 || t.minScore <= prev.minScore)) {
        problems.push(`thresholds must ascend by level and minScore (${prev.level} → ${t.level})`);
      }
    });
  }
  return problems;
}
