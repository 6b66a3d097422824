// Red flags and protective factors from the Veilig Huis training deck (domain.md §6.1–6.2).
// They are structured-professional-judgement prompts, not a validated instrument: nothing
// here carries a weight, on purpose, so no code can turn them into a score by accident.
// Codes are stable identifiers stored in assessments and referrals; labels may be reworded.

export interface LocalisedLabel {
  nl: string;
  fr: string;
  en: string;
}

export interface RiskItem<C extends string> {
  code: C;
  label: LocalisedLabel;
}

export const RED_FLAG_CODES = ['RF01', 'RF02', 'RF03', 'RF04', 'RF05', 'RF06', 'RF07', 'RF08', 'RF09', 'RF10', 'RF11', 'RF12', 'RF13', 'RF14'] as const;
export type RedFlagCode = (typeof RED_FLAG_CODES)[number];

export const PROTECTIVE_FACTOR_CODES = ['PF01', 'PF02', 'PF03', 'PF04', 'PF05', 'PF06', 'PF07', 'PF08', 'PF09', 'PF10', 'PF11'] as const;
export type ProtectiveFactorCode = (typeof PROTECTIVE_FACTOR_CODES)[number];

export const RED_FLAGS: readonly RiskItem<RedFlagCode>[] = [
  { code: 'RF01', label: { nl: 'Stalking', fr: 'Harcèlement obsessionnel (stalking)', en: 'Stalking' } },
  {
    code: 'RF02',
    label: {
      nl: 'Doodsbedreiging (partner, kinderen; ook dreigen met suïcide)',
      fr: 'Menaces de mort (envers le/la partenaire ou les enfants ; y compris menaces de suicide)',
      en: 'Death threats (against partner or children; also threats of suicide)',
    },
  },
  {
    code: 'RF03',
    label: {
      nl: 'Bezit en gebruik van wapens',
      fr: "Détention et usage d'armes",
      en: 'Possession or use of weapons',
    },
  },
  {
    code: 'RF04',
    label: { nl: 'Recent gewelddadig gedrag', fr: 'Comportement violent récent', en: 'Recent violent behaviour' },
  },
  {
    code: 'RF05',
    label: {
      nl: 'Geweld tijdens de zwangerschap',
      fr: 'Violence pendant la grossesse',
      en: 'Violence during pregnancy',
    },
  },
  {
    code: 'RF06',
    label: {
      nl: 'Seks zonder wederzijdse toestemming',
      fr: 'Relations sexuelles sans consentement mutuel',
      en: 'Non-consensual sex',
    },
  },
  {
    code: 'RF07',
    label: {
      nl: 'Noodzakelijke (medische) zorg weigeren',
      fr: 'Refus de soins (médicaux) nécessaires',
      en: 'Refusing necessary (medical) care',
    },
  },
  {
    code: 'RF08',
    label: {
      nl: 'Wurging, verstikking en verdrinking',
      fr: 'Strangulation, étouffement et noyade',
      en: 'Strangulation, suffocation, drowning',
    },
  },
  {
    code: 'RF09',
    label: {
      nl: 'Slachtoffer spreekt niet wanneer partner in de buurt is',
      fr: 'La victime ne parle pas lorsque le/la partenaire est à proximité',
      en: 'Victim does not speak when the partner is near',
    },
  },
  {
    code: 'RF10',
    label: {
      nl: 'Frequenter en ernstiger geweld (toenemend)',
      fr: 'Violence plus fréquente et plus grave (en augmentation)',
      en: 'Violence increasing in frequency or severity',
    },
  },
  {
    code: 'RF11',
    label: {
      nl: 'Middelenmisbruik (alcohol, medicatie, drugs)',
      fr: 'Abus de substances (alcool, médicaments, drogues)',
      en: 'Substance misuse (alcohol, medication, drugs)',
    },
  },
  {
    code: 'RF12',
    label: {
      nl: 'Psychiatrische problematiek (bv. borderline, narcistische persoonlijkheid)',
      fr: 'Problématique psychiatrique (p. ex. trouble de la personnalité)',
      en: 'Psychiatric problems (e.g. personality disorder)',
    },
  },
  {
    code: 'RF13',
    label: { nl: 'Aanwezigheid van kinderen', fr: "Présence d'enfants", en: 'Presence of children' },
  },
  {
    code: 'RF14',
    label: {
      nl: 'Vermoeden van kans op eergerelateerd geweld',
      fr: "Suspicion d'un risque de violence liée à l'honneur",
      en: 'Suspected risk of honour-related violence',
    },
  },
];

export const PROTECTIVE_FACTORS: readonly RiskItem<ProtectiveFactorCode>[] = [
  {
    code: 'PF01',
    label: { nl: 'Ondersteunend sociaal netwerk', fr: 'Réseau social soutenant', en: 'Supportive social network' },
  },
  {
    code: 'PF02',
    label: {
      nl: 'Sociale controle door het netwerk',
      fr: 'Contrôle social exercé par le réseau',
      en: 'Social control by the network',
    },
  },
  {
    code: 'PF03',
    label: {
      nl: 'Buren zijn op de hoogte van de situatie',
      fr: 'Les voisins sont au courant de la situation',
      en: 'Neighbours are aware of the situation',
    },
  },
  {
    code: 'PF04',
    label: {
      nl: 'Personen zijn bereid om (terug) opvolging toe te laten',
      fr: 'Les personnes sont disposées à accepter un (nouveau) suivi',
      en: 'Persons are willing to accept (renewed) follow-up',
    },
  },
  {
    code: 'PF05',
    label: {
      nl: 'Lopende justitiële procedures die effect hebben op het geweld',
      fr: 'Procédures judiciaires en cours ayant un effet sur la violence',
      en: 'Ongoing judicial procedures that have an effect on the violence',
    },
  },
  {
    code: 'PF06',
    label: {
      nl: 'Bereidheid om opvolging toe te laten m.b.t. psychische kwetsbaarheid/verslaving',
      fr: 'Disposition à accepter un suivi pour une vulnérabilité psychique ou une assuétude',
      en: 'Willingness to accept follow-up for psychological vulnerability or addiction',
    },
  },
  {
    code: 'PF07',
    label: {
      nl: 'Betrokkenheid en steun voor het kind, bv. affectieve band met zorgende volwassene buiten het gezin (meter, nonkel, juf, zorgcoördinator…)',
      fr: "Implication et soutien pour l'enfant, p. ex. un lien affectif avec un adulte bienveillant hors de la famille (marraine, oncle, institutrice, coordinateur de soins scolaire…)",
      en: 'Involvement and support for the child, e.g. an affective bond with a caring adult outside the family (godparent, uncle, teacher, school care coordinator)',
    },
  },
  { code: 'PF08', label: { nl: 'Steunfiguur', fr: 'Une personne de soutien', en: 'A support figure' } },
  {
    code: 'PF09',
    label: { nl: 'Goede band met de kinderen', fr: 'Bon lien avec les enfants', en: 'A good bond with the children' },
  },
  {
    code: 'PF10',
    label: { nl: 'Zinvolle dagbesteding', fr: 'Occupation de jour porteuse de sens', en: 'Meaningful daytime activity' },
  },
  {
    code: 'PF11',
    label: {
      nl: 'Inzicht in de noden van de kinderen',
      fr: 'Compréhension des besoins des enfants',
      en: "Insight into the children's needs",
    },
  },
];
