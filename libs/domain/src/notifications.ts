// Notification types and the e-mail that may follow one. An e-mail names the kind of event, a case
// reference and a link, never a person: mail leaves the platform's protection.

export const NOTIFICATION_TYPES = [
  'NEW_REFERRAL',
  'URGENT_REFERRAL',
  'CASE_INVITATION',
  'CASE_HANDED_OVER',
  'CASE_TEAM_ADDED',
  'INCIDENT_ADDED',
  'CONFERENCE_SCHEDULED',
  'URGENT_CONFERENCE_REQUESTED',
  'ACTION_OVERDUE',
  'NOTICE_REVIEW_DUE',
  'CONSENT_EXPIRING',
  'PROTOCOL_EXPIRING',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

type Locale = 'nl' | 'fr' | 'en';

const LABELS: Record<NotificationType, Record<Locale, string>> = {
  NEW_REFERRAL: { nl: 'Nieuwe aanmelding', fr: 'Nouveau signalement', en: 'New referral' },
  URGENT_REFERRAL: {
    nl: 'Dringende aanmelding: triage binnen één werkdag',
    fr: 'Signalement urgent : triage dans un jour ouvrable',
    en: 'Urgent referral: triage within one working day',
  },
  CASE_INVITATION: {
    nl: 'Uw organisatie is uitgenodigd in een casus',
    fr: 'Votre organisation est invitée dans un dossier',
    en: 'Your agency was invited to a case',
  },
  CASE_HANDED_OVER: { nl: 'U bent nu casusregisseur', fr: 'Vous êtes désormais directeur·rice du dossier', en: 'You are now the case director' },
  CASE_TEAM_ADDED: { nl: 'U bent toegevoegd aan het casusteam', fr: "Vous avez été ajouté·e à l'équipe du dossier", en: 'You were added to the case team' },
  INCIDENT_ADDED: { nl: 'Nieuw incident bij een casus', fr: 'Nouvel incident dans un dossier', en: 'New incident on a case' },
  CONFERENCE_SCHEDULED: {
    nl: 'U bent uitgenodigd voor een casusoverleg',
    fr: 'Vous êtes invité·e à une concertation de cas',
    en: 'You are invited to a case conference',
  },
  URGENT_CONFERENCE_REQUESTED: {
    nl: 'Escalatie: dringend casusoverleg nodig',
    fr: 'Escalade : concertation urgente nécessaire',
    en: 'Escalation: an urgent conference is needed',
  },
  ACTION_OVERDUE: {
    nl: 'Een actie van uw organisatie is over tijd',
    fr: 'Une action de votre organisation est en retard',
    en: 'An action of your agency is overdue',
  },
  NOTICE_REVIEW_DUE: {
    nl: 'Herbeoordeling van niet-informeren is aan de orde',
    fr: 'Réexamen de la non-information à faire',
    en: 'A withheld notice is due for review',
  },
  CONSENT_EXPIRING: { nl: 'Een toestemming verloopt binnenkort', fr: 'Un consentement expire bientôt', en: 'A consent expires soon' },
  PROTOCOL_EXPIRING: { nl: 'Een protocol verloopt binnenkort', fr: 'Un protocole expire bientôt', en: 'A protocol expires soon' },
};

export function notificationLabel(type: string, locale: string): string {
  const l = (['nl', 'fr', 'en'].includes(locale) ? locale : 'nl') as Locale;
  return LABELS[type as NotificationType]?.[l] ?? type;
}

export interface NotificationMail {
  subject: string;
  text: string;
}

/**
 * The e-mail for one notification: its label, the case reference (or none), and a link to the
 * inbox. `reference` must be a case or protocol reference, never a name.
 */
export function notificationMail(input: { type: string; reference: string | null; locale: string; link: string }): NotificationMail {
  const label = notificationLabel(input.type, input.locale);
  const ref = input.reference ? ` ${input.reference}` : '';
  const open = input.locale === 'fr' ? 'Ouvrir dans Schakel' : input.locale === 'en' ? 'Open in Schakel' : 'Openen in Schakel';
  const note =
    input.locale === 'fr'
      ? 'Ce message ne contient pas de données personnelles ; consultez les détails dans Schakel.'
      : input.locale === 'en'
        ? 'This message holds no personal data; read the details in Schakel.'
        : 'Dit bericht bevat geen persoonsgegevens; de details leest u in Schakel.';
  return {
    subject: `Schakel: ${label}${ref}`,
    text: `${label}${ref}\n\n${open}: ${input.link}\n\n${note}\n`,
  };
}

/** Days before a protocol's end date on which its directors and liaison are warned. */
export const PROTOCOL_EXPIRY_WARNING_DAYS = [60, 30] as const;

/** Where a notification leads in the SPA (a path under the public URL). */
export function notificationPath(n: { type: string; caseId: string | null; subjectId: string | null }): string {
  if (n.type.startsWith('CONFERENCE_') && n.subjectId) return `/conferences/${n.subjectId}`;
  if (n.type === 'PROTOCOL_EXPIRING' && n.subjectId) return `/protocols/${n.subjectId}`;
  if (n.caseId) return `/cases/${n.caseId}`;
  return '/notifications';
}
