import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';

/** Shown for a route the user's ability forbids. Says nothing about what is behind it. */
export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeading>{t('notAllowed.title')}</PageHeading>
      <p>{t('notAllowed.body')}</p>
      <Link to="/">{t('notAllowed.back')}</Link>
    </section>
  );
}
