import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../features/auth/hooks/useAuth';
import { useSaveLocale } from '../features/profile/api/account';
import { LANGUAGES, type Language } from '../i18n';

/** The header's language picker; signed in, the choice is stored on the account (it follows the user to other devices). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { status } = useAuth();
  const save = useSaveLocale();
  const choose = (lng: Language) => {
    void i18n.changeLanguage(lng);
    if (status === 'authenticated') save.mutate(lng);
  };
  return (
    <div className="lang">
      <label htmlFor={id}>{t('lang.label')}</label>{' '}
      <select id={id} value={i18n.resolvedLanguage ?? i18n.language} onChange={(e) => choose(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
