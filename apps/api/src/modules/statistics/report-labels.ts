// NL/FR labels of the annual steering report (CSV columns and the bilingual PDF). Codes stay the
// contract; these are only what people read.

type Bilingual = { nl: string; fr: string };
const L = (nl: string, fr: string): Bilingual => ({ nl, fr });

export const SECTION_LABELS: Record<string, Bilingual> = {
  title: L('Jaarverslag ketenaanpak intrafamiliaal geweld', "Rapport annuel de l'approche en chaîne des violences intrafamiliales"),
  district: L('Arrondissement', 'Arrondissement'),
  year: L('Jaar', 'Année'),
  generated: L('Aangemaakt', 'Généré le'),
  referrals: L('Aanmeldingen per type aanmeldende dienst', 'Signalements par type de service signalant'),
  referralsTotal: L('Aanmeldingen (totaal)', 'Signalements (total)'),
  inclusions: L('Beslissing over opname', "Décision d'inclusion"),
  closures: L('Afgesloten dossiers per reden', 'Dossiers clôturés par motif'),
  closuresTotal: L('Afgesloten dossiers (totaal)', 'Dossiers clôturés (total)'),
  persons: L('Slachtoffers en vermoedelijke plegers naar geslacht', 'Victimes et auteurs présumés par genre'),
  personsTotal: L('Totaal', 'Total'),
  children: L('Betrokken kinderen', 'Enfants concernés'),
  childrenCount: L('Aantal kinderen', "Nombre d'enfants"),
  languages: L('Taal van de begeleiding', "Langue de l'accompagnement"),
  measures: L('Maatregelen in het actieplan', "Mesures du plan d'action"),
  measuresTotal: L('Maatregelen (totaal)', 'Mesures (total)'),
  days: L('Mediaan aantal dagen per ketenstap', 'Nombre médian de jours par étape'),
  withheldSection: L('Niet gepubliceerd (te kleine aantallen)', 'Non publié (effectifs trop faibles)'),
  suppressed: L('afgeschermd', 'masqué'),
  note: L(
    'Aantallen van 1 tot 4 worden niet gepubliceerd; zo nodig worden ook andere cellen afgeschermd, zodat een verborgen aantal niet uit de totalen kan worden afgeleid.',
    "Les effectifs de 1 à 4 ne sont pas publiés ; au besoin d'autres cellules sont masquées, afin qu'un effectif caché ne puisse être déduit des totaux.",
  ),
  confidential: L('Geaggregeerde cijfers voor de stuurgroep', 'Chiffres agrégés pour le comité de pilotage'),
};

export const CODE_LABELS: Record<string, Bilingual> = {
  POLICE: L('Politie', 'Police'),
  PROSECUTION: L('Parket', 'Parquet'),
  JUSTICE_HOUSE: L('Justitiehuis', 'Maison de justice'),
  CAW: L('CAW', 'CAW / CASG'),
  CHILD_PROTECTION: L('Jeugdhulp / kinderbescherming', 'Aide à la jeunesse'),
  MENTAL_HEALTH: L('Geestelijke gezondheidszorg', 'Santé mentale'),
  FAMILY_JUSTICE_CENTRE: L('Veilig Huis / FJC', 'Family Justice Center'),
  OTHER: L('Andere', 'Autre'),
  INCLUDE: L('Opgenomen in de ketenaanpak', "Inclus dans l'approche en chaîne"),
  REFER_ELSEWHERE: L('Doorverwezen', 'Réorienté'),
  NO_FURTHER_ACTION: L('Geen verdere actie', "Pas d'autre action"),
  PENDING: L('Nog geen beslissing', 'Pas encore de décision'),
  DECLINED: L('Geweigerd', 'Refusé'),
  NOT_INCLUDED: L('Niet opgenomen', 'Non inclus'),
  COMPLETED: L('Afgerond', 'Terminé'),
  VICTIM: L('Slachtoffers', 'Victimes'),
  ALLEGED_PERPETRATOR: L('Vermoedelijke plegers', 'Auteurs présumés'),
  FEMALE: L('Vrouw', 'Femme'),
  MALE: L('Man', 'Homme'),
  X: L('X', 'X'),
  UNKNOWN: L('Onbekend', 'Inconnu'),
  WITH_CHILDREN: L('Dossiers met kinderen', 'Dossiers avec enfants'),
  WITHOUT_CHILDREN: L('Dossiers zonder kinderen', 'Dossiers sans enfants'),
  NL: L('Nederlands', 'Néerlandais'),
  FR: L('Frans', 'Français'),
  DE: L('Duits', 'Allemand'),
  EN: L('Engels', 'Anglais'),
  SAFETY_PLAN: L('Veiligheidsplan', 'Plan de sécurité'),
  TEMPORARY_RESTRAINING_ORDER: L('Tijdelijk huisverbod', 'Interdiction temporaire de résidence'),
  CONTACT_BAN: L('Contactverbod', 'Interdiction de contact'),
  FOLLOW_UP_VISIT: L('Opvolgbezoek', 'Visite de suivi'),
  PERPETRATOR_PROGRAMME: L('Plegerhulp', 'Programme pour auteurs'),
  VICTIM_SUPPORT: L('Slachtofferhulp', 'Aide aux victimes'),
  SHELTER: L('Opvang / vluchthuis', 'Hébergement / refuge'),
  CHILD_PROTECTION_REFERRAL: L('Doorverwijzing kinderbescherming', 'Orientation protection de la jeunesse'),
  THERAPY: L('Therapie', 'Thérapie'),
  AANMELDING: L('Aanmelding', 'Signalement'),
  DOSSIERVORMING: L('Dossiervorming', 'Constitution du dossier'),
  WEGING: L('Weging', 'Évaluation'),
  CASUSREGIE: L('Casusregie', 'Coordination de cas'),
  UITVOERING: L('Uitvoering', 'Exécution'),
  EVALUATIE: L('Evaluatie', 'Évaluation finale'),
  AFGESLOTEN: L('Afgesloten', 'Clôturé'),
};

export function label(code: string | null): Bilingual {
  if (code === null) return CODE_LABELS.UNKNOWN!;
  return CODE_LABELS[code] ?? L(code, code);
}
