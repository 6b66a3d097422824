// NL/FR wording of the record of processing (GDPR art. 30). Codes are the contract; these are read.

export type RecordLang = 'nl' | 'fr';
type Text = Record<RecordLang, string>;
const T = (nl: string, fr: string): Text => ({ nl, fr });

export const RECORD_TEXT = {
  title: T('Register van verwerkingsactiviteiten (art. 30 AVG)', 'Registre des activités de traitement (art. 30 RGPD)'),
  intro: T(
    'Opgemaakt uit de goedgekeurde protocollen van casusoverleg (art. 458ter Sw.). Elke ondertekenende dienst is gezamenlijke verwerkingsverantwoordelijke (art. 26 AVG).',
    'Établi à partir des protocoles de concertation de cas approuvés (art. 458ter C. pén.). Chaque service signataire est responsable conjoint du traitement (art. 26 RGPD).',
  ),
  generated: T('Aangemaakt', 'Généré le'),
  activity: T('Verwerkingsactiviteit', 'Activité de traitement'),
  reference: T('Referentie van de goedkeuring', "Référence de l'approbation"),
  district: T('Gerechtelijk arrondissement', 'Arrondissement judiciaire'),
  status: T('Status', 'Statut'),
  validity: T('Geldigheid', 'Validité'),
  controllers: T('Verwerkingsverantwoordelijken en ontvangers (ondertekenende diensten)', 'Responsables du traitement et destinataires (services signataires)'),
  purposes: T('Doeleinden', 'Finalités'),
  legalBases: T('Rechtsgronden', 'Bases juridiques'),
  subjects: T('Categorieën van betrokkenen', 'Catégories de personnes concernées'),
  categories: T('Categorieën van persoonsgegevens', 'Catégories de données à caractère personnel'),
  retention: T('Bewaartermijn', 'Durée de conservation'),
  retentionValue: T(
    '{n} maanden na afsluiting van het dossier, daarna anonimisering; tenzij een gerechtelijke bewaarplicht (legal hold) geldt',
    '{n} mois après la clôture du dossier, puis anonymisation ; sauf conservation judiciaire (legal hold)',
  ),
  transfers: T('Doorgifte buiten de EER', 'Transferts hors EEE'),
  noTransfers: T('Geen', 'Aucun'),
  security: T('Beveiligingsmaatregelen (art. 32 AVG)', 'Mesures de sécurité (art. 32 RGPD)'),
  none: T('Geen goedgekeurde protocollen.', 'Aucun protocole approuvé.'),
  modalities: T('Werking van het casusoverleg', 'Fonctionnement de la concertation de cas'),
  inclusion: T('Inclusiecriteria', "Critères d'inclusion"),
  chair: T('Voorzitter', 'Présidence'),
  informing: T('Informeren van de betrokkenen (art. 13-14 AVG)', 'Information des personnes concernées (art. 13-14 RGPD)'),
  languageRegime: T('Taalregeling', 'Régime linguistique'),
  route: T('Grondslag van het overleg', 'Fondement de la concertation'),
  page: T('Register van verwerkingsactiviteiten', 'Registre des activités de traitement'),
};

// `law`: the fallback when the legal_bases data has no reference in force; `gdpr`: the GDPR ground.
export const LEGAL_BASIS_TEXT: Record<string, { law: string | null; gdpr: string; label: Text }> = {
  CONSENT: { law: null, gdpr: 'art. 6.1.a, 9.2.a AVG / RGPD', label: T('Toestemming van de betrokkene', 'Consentement de la personne concernée') },
  ART_458TER: {
    law: 'art. 458ter Sw. / C. pén.',
    gdpr: 'art. 6.1.e AVG / RGPD',
    label: T(
      'Casusoverleg onder een door de procureur des Konings goedgekeurd protocol',
      'Concertation de cas sous un protocole approuvé par le procureur du Roi',
    ),
  },
  ART_458BIS: {
    law: 'art. 458bis Sw. / C. pén.',
    gdpr: 'art. 6.1.d AVG / RGPD',
    label: T(
      'Meldingsrecht bij ernstig en dreigend gevaar voor een minderjarige of kwetsbare persoon',
      'Droit de signalement en cas de danger grave et imminent pour un mineur ou une personne vulnérable',
    ),
  },
  ART_422BIS: {
    law: 'art. 422bis Sw. / C. pén.',
    gdpr: 'art. 6.1.d AVG / RGPD',
    label: T('Schuldig verzuim: hulp aan een persoon in groot gevaar', 'Abstention coupable : assistance à personne en danger grave'),
  },
  LEGAL_OBLIGATION: { law: null, gdpr: 'art. 6.1.c AVG / RGPD', label: T('Wettelijke verplichting', 'Obligation légale') },
  NECESSITY: { law: 'noodtoestand / état de nécessité', gdpr: 'art. 6.1.d AVG / RGPD', label: T('Noodtoestand', 'État de nécessité') },
};

export const SUBJECT_TEXT: Record<string, Text> = {
  VICTIM: T('Slachtoffers', 'Victimes'),
  ALLEGED_PERPETRATOR: T('Vermoedelijke plegers', 'Auteurs présumés'),
  CHILD: T('Kinderen in het gezin (minderjarigen)', 'Enfants du ménage (mineurs)'),
  OTHER: T('Andere personen in het cliëntsysteem', 'Autres personnes du système client'),
  PROFESSIONAL: T('Professionals van de deelnemende diensten (gebruikers)', 'Professionnels des services participants (utilisateurs)'),
};

export const CATEGORY_TEXT: Record<string, Text> = {
  IDENTIFICATION: T('Identificatiegegevens', "Données d'identification"),
  CONTACT: T('Contactgegevens', 'Coordonnées'),
  POLICE_INFORMATION: T('Politionele informatie', 'Informations policières'),
  JUDICIAL_INFORMATION: T('Gerechtelijke gegevens (art. 10 AVG)', 'Données judiciaires (art. 10 RGPD)'),
  WELFARE_SUPPORT: T('Gegevens over hulpverlening', "Données d'aide sociale"),
  CHILD_SITUATION: T('Situatie van de kinderen', 'Situation des enfants'),
  HEALTH: T('Gezondheidsgegevens (art. 9 AVG)', 'Données de santé (art. 9 RGPD)'),
  RISK_ASSESSMENT: T('Risicotaxatie', 'Évaluation des risques'),
  OTHER: T('Andere', 'Autres'),
};

export const SECURITY_TEXT: Text[] = [
  T('Identiteiten en vrije tekst versleuteld (AES-256-GCM) met sleutelrotatie', 'Identités et texte libre chiffrés (AES-256-GCM) avec rotation des clés'),
  T('Aanmelding met tweestapsverificatie (TOTP) of single sign-on', 'Connexion avec double authentification (TOTP) ou authentification unique'),
  T(
    'Toegang per dossier en per rol (need to know); elke inzage gelogd',
    "Accès par dossier et par rôle (besoin d'en connaître) ; chaque consultation journalisée",
  ),
  T('Elke gegevensdeling in een ondertekend, hash-geketend deellogboek', 'Chaque partage dans un journal signé et chaîné par hachage'),
  T('Statistieken enkel geaggregeerd, met onderdrukking van kleine aantallen', 'Statistiques uniquement agrégées, avec suppression des petits effectifs'),
];

export const STATUS_TEXT: Record<string, Text> = {
  APPROVED: T('Goedgekeurd', 'Approuvé'),
  SUSPENDED: T('Opgeschort', 'Suspendu'),
};
