/**
 * What an invitee confirms before the agenda opens to them (art. 458ter Sw.: participants keep
 * secret what is shared; a breach carries the art. 458 penalties). The version is stored with each
 * acknowledgement, so a reworded statement never rewrites what someone confirmed earlier.
 */
export const CONFIDENTIALITY_STATEMENT = {
  version: 'art458ter/v1',
  text: {
    nl: 'Ik neem als beroepsbeoefenaar deel aan dit casusoverleg. Ik houd geheim wat in het overleg wordt gedeeld (art. 458ter Strafwetboek); een schending wordt bestraft met de straffen van art. 458 Strafwetboek.',
    fr: "Je participe à cette concertation de cas en tant que professionnel·le. Je garde secret ce qui y est partagé (art. 458ter du Code pénal) ; toute violation est punie des peines de l'art. 458 du Code pénal.",
    en: 'I take part in this case conference as a professional. I keep secret what is shared in it (art. 458ter Criminal Code); a breach is punished with the penalties of art. 458 Criminal Code.',
  } as Record<string, string>,
};

export function confidentialityStatement(locale: string): { version: string; text: string } {
  return { version: CONFIDENTIALITY_STATEMENT.version, text: CONFIDENTIALITY_STATEMENT.text[locale] ?? CONFIDENTIALITY_STATEMENT.text['nl']! };
}
