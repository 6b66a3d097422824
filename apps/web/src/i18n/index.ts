import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Compile-time check that the three catalogues have exactly the same keys: a text missing in one
// language fails the type-check instead of silently falling back to English.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _catalogueParity: SameKeys<typeof nl, typeof en> & SameKeys<typeof fr, typeof en> = true;

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('schakel.lang') : null;
const initial: Language = (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'nl';

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, fr: { translation: fr }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem('schakel.lang', lng);
});
document.documentElement.lang = initial;

export default i18n;
