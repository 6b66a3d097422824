import { useTranslation } from 'react-i18next';
import type { Me } from '../../me/api/me';

interface AccountDetailsProps {
  me: Me;
}

/** Name, e-mail, agency, roles and language of the signed-in user (read-only). */
export function AccountDetails({ me }: AccountDetailsProps) {
  const { t } = useTranslation();
  const roles = me.roles.map((r) => t(`roles.${r}`)).join(', ');
  const locale = ['nl', 'fr', 'en'].includes(me.locale) ? t(`lang.${me.locale as 'nl' | 'fr' | 'en'}`) : me.locale;
  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title">{t('profile.account.title')}</h2>
      <dl className="details">
        <dt>{t('profile.account.displayName')}</dt>
        <dd>{me.displayName}</dd>
        <dt>{t('profile.account.email')}</dt>
        <dd>{me.email}</dd>
        <dt>{t('profile.account.agency')}</dt>
        <dd>
          {me.agency.name} ({t(`agencyTypes.${me.agency.type}`)}, {me.agency.district})
        </dd>
        <dt>{t('profile.account.roles')}</dt>
        <dd>{roles}</dd>
        <dt>{t('profile.account.locale')}</dt>
        <dd>{locale}</dd>
      </dl>
    </section>
  );
}
