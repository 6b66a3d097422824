// The built-in risk instruments. `veilig-huis-ifg` v1 structures the Veilig Huis training deck
// (domain.md §6): red flags, protective factors, the Kindreflex per child and the violence
// pattern. These are training heuristics, not a validated instrument, so it has no scoring.
// The COL 15/2020 police checklist (§2.3) is not loaded: its items are not available and no
// validated scoring exists for it here. Never edit a published version: add a new one.

import { RISK_ANSWER_SOURCES, RISK_ANSWER_VALUES, type RiskInstrument, type RiskInstrumentItem, type RiskPromptCode } from './risk-instrument';
import { PROTECTIVE_FACTORS, RED_FLAGS, type LocalisedLabel } from './risk-items';

const RED_FLAG_PROMPTS: Partial<Record<string, readonly RiskPromptCode[]>> = {
  RF08: ['MEDICAL_CHECK_ADVISED'],
  RF13: ['KINDREFLEX_REQUIRED'],
  RF14: ['HONOUR_RELATED_VIOLENCE_EXPERTISE'],
};

const RED_FLAG_HELP: Partial<Record<string, LocalisedLabel>> = {
  RF08: {
    nl: 'Adviseer een medisch onderzoek na wurging',
    fr: 'Conseillez un examen médical après une strangulation',
    en: 'Advise a medical check-up after strangulation',
  },
  RF12: {
    nl: 'Gevoelig gezondheidsgegeven (art. 9 AVG): noteer alleen wat nodig is',
    fr: 'Donnée de santé sensible (art. 9 RGPD) : ne notez que le nécessaire',
    en: 'Sensitive health data (GDPR art. 9): note only what is needed',
  },
  RF13: {
    nl: 'Ook ongeboren kinderen; start de Kindreflex',
    fr: 'Y compris les enfants à naître ; lancez le Kindreflex',
    en: 'Including unborn children; start the Kindreflex',
  },
};

const KINDREFLEX_STEPS: readonly RiskInstrumentItem[] = [
  {
    key: 'K1',
    label: {
      nl: 'Voer een gesprek over de kinderen en het ouderschap',
      fr: 'Parler des enfants et de la parentalité',
      en: 'Talk about the children and parenthood',
    },
    help: {
      nl: 'Leeftijd, waar het kind woont; gesprek gevoerd ja/nee en datum',
      fr: "Âge, lieu de vie de l'enfant ; entretien mené oui/non et date",
      en: 'Age, where the child lives; conversation held yes/no and date',
    },
  },
  {
    key: 'K2',
    label: {
      nl: 'Peil naar de veiligheid thuis en het welzijn van de kinderen',
      fr: 'Évaluer la sécurité à la maison et le bien-être des enfants',
      en: "Explore safety at home and the children's well-being",
    },
    help: {
      nl: 'Was het kind aanwezig tijdens het geweld? Heeft het iets gezien of gehoord?',
      fr: "L'enfant était-il présent pendant la violence ? A-t-il vu ou entendu quelque chose ?",
      en: 'Was the child present during the violence? Did it see or hear it?',
    },
  },
  {
    key: 'K3',
    label: {
      nl: 'Ondersteun de cliënt in zijn rol als ouder',
      fr: 'Soutenir le client dans son rôle de parent',
      en: 'Support the client in their role as parent',
    },
    help: { nl: 'Geboden steun; doorverwijzingen', fr: 'Soutien proposé ; orientations', en: 'Support offered; referrals' },
  },
  {
    key: 'K4',
    label: {
      nl: 'Ga verder na of er sprake is van verontrusting en bereidheid',
      fr: "Vérifier plus avant s'il y a inquiétude et disposition à collaborer",
      en: 'Check further for concern and willingness to cooperate',
    },
    help: {
      nl: 'Verontrusting: ja/nee/onduidelijk; ouders bereid: ja/nee',
      fr: 'Inquiétude : oui/non/incertain ; parents disposés : oui/non',
      en: 'Concern: yes/no/unclear; parents willing: yes/no',
    },
  },
  {
    key: 'K5',
    label: { nl: 'Herstel de veiligheid', fr: 'Rétablir la sécurité', en: 'Restore safety' },
    help: {
      nl: 'Veiligheidsplan voor de kinderen; maatregelen',
      fr: 'Plan de sécurité pour les enfants ; mesures',
      en: 'Safety plan for the children; measures',
    },
  },
  {
    key: 'K6',
    label: {
      nl: 'Betrek een gemandateerde voorziening (VK / OCJ)',
      fr: 'Impliquer un service mandaté (VK / OCJ)',
      en: 'Involve a mandated service (VK / OCJ)',
    },
    help: {
      nl: 'Doorverwijzing naar VK/OCJ: datum, dienst, rechtsgrond',
      fr: 'Orientation vers VK/OCJ : date, service, base légale',
      en: 'Referral to VK/OCJ: date, service, legal ground',
    },
  },
];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const VEILIG_HUIS_IFG_V1: RiskInstrument = deepFreeze({
  key: 'veilig-huis-ifg',
  version: 1,
  title: {
    nl: 'Veilig Huis: rode vlaggen, beschermende factoren en Kindreflex',
    fr: 'Veilig Huis : signaux d’alerte, facteurs de protection et Kindreflex',
    en: 'Veilig Huis: red flags, protective factors and Kindreflex',
  },
  source: 'Veilig Huis Antwerpen — Basisvorming IFG (training deck, not COL 15/2020)',
  disclaimer: {
    nl: 'Vormingsheuristieken, geen gevalideerd instrument: Schakel berekent geen score. Dit is niet de COL 15/2020-checklist van de politie.',
    fr: "Heuristiques de formation, pas un instrument validé : Schakel ne calcule aucun score. Ce n'est pas la check-list policière de la COL 15/2020.",
    en: 'Training heuristics, not a validated instrument: Schakel computes no score. This is not the COL 15/2020 police checklist.',
  },
  answerValues: [...RISK_ANSWER_VALUES],
  answerSources: [...RISK_ANSWER_SOURCES],
  sections: [
    {
      key: 'RED_FLAGS',
      kind: 'RED_FLAGS',
      title: { nl: 'Rode vlaggen', fr: "Signaux d'alerte", en: 'Red flags' },
      perChild: false,
      items: RED_FLAGS.map((f) => ({
        key: f.code,
        label: { ...f.label },
        ...(RED_FLAG_HELP[f.code] ? { help: RED_FLAG_HELP[f.code] } : {}),
        ...(RED_FLAG_PROMPTS[f.code] ? { promptsWhenYes: RED_FLAG_PROMPTS[f.code] } : {}),
      })),
    },
    {
      key: 'PROTECTIVE_FACTORS',
      kind: 'PROTECTIVE_FACTORS',
      title: { nl: 'Beschermende factoren', fr: 'Facteurs de protection', en: 'Protective factors' },
      perChild: false,
      items: PROTECTIVE_FACTORS.map((f) => ({ key: f.code, label: { ...f.label } })),
    },
    {
      key: 'KINDREFLEX',
      kind: 'KINDREFLEX',
      title: { nl: 'Kindreflex (per kind)', fr: 'Kindreflex (par enfant)', en: 'Kindreflex (per child)' },
      perChild: true,
      items: KINDREFLEX_STEPS,
    },
  ],
  violencePatterns: [
    {
      value: 'SITUATIONAL',
      label: { nl: 'Situationeel geweld', fr: 'Violence situationnelle', en: 'Situational violence' },
      prompts: [],
    },
    {
      value: 'INTIMATE_TERRORISM',
      label: { nl: 'Intiem terrorisme', fr: 'Terrorisme intime', en: 'Intimate terrorism' },
      prompts: ['COUPLE_THERAPY_CONTRAINDICATED', 'NO_JOINT_CONVERSATIONS', 'PROTECT_LOCATION_DATA'],
    },
    {
      value: 'UNCLEAR',
      label: { nl: 'Onduidelijk', fr: 'Indéterminé', en: 'Unclear' },
      prompts: [],
    },
  ],
  scoring: null,
} satisfies RiskInstrument);

/** Every instrument Schakel knows, each key + version once. */
export const RISK_INSTRUMENTS: readonly RiskInstrument[] = Object.freeze([VEILIG_HUIS_IFG_V1]);

export function findRiskInstrument(key: string, version: number, instruments: readonly RiskInstrument[] = RISK_INSTRUMENTS): RiskInstrument | null {
  return instruments.find((i) => i.key === key && i.version === version) ?? null;
}
