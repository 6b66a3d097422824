import 'i18next';
import type en from './en.json';

// Typed keys: `t('admin.users.title')` is checked against the catalogue at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
