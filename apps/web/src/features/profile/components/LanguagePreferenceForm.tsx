import { LOCALES, type Locale } from '@schakel/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { StatusMessage } from '../../../components/StatusMessage';
import { SubmitButton } from '../../../components/SubmitButton';
import { errorMessage } from '../../../lib/errorMessage';
import type { Me } from '../../me/api/me';
import { useSaveLocale } from '../api/account';

/** The account's language, stored on the account: every sign-in, on any device, opens in it. */
export function LanguagePreferenceForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const save = useSaveLocale();
  const [locale, setLocale] = useState<Locale>((LOCALES as readonly string[]).includes(me.locale) ? (me.locale as Locale) : 'nl');
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    save.mutate(locale, {
      onSuccess: () => {
        setSaved(true);
        void i18n.changeLanguage(locale);
      },
    });
  };
  return (
    <section aria-labelledby="language-title">
      <h2 id="language-title">{t('selfService.language.title')}</h2>
      <StatusMessage message={saved ? t('selfService.language.saved') : null} />
      <form onSubmit={submit} noValidate aria-labelledby="language-title">
        <FormAlert>{save.error ? errorMessage(save.error, t) : null}</FormAlert>
        <SelectField
          label={t('selfService.language.label')}
          hint={t('selfService.language.hint')}
          name="locale"
          value={locale}
          onChange={(v) => setLocale(v as Locale)}
          options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
        />
        <SubmitButton pending={save.isPending}>{t('selfService.language.submit')}</SubmitButton>
      </form>
    </section>
  );
}
