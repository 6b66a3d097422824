import type { LocalisedLabel } from '@schakel/domain';

/** The label in the interface language (nl, fr or en), Dutch when the language is another. */
export function localised(label: LocalisedLabel, language: string): string {
  const lang = language.slice(0, 2);
  return lang === 'fr' || lang === 'en' ? label[lang] : label.nl;
}
