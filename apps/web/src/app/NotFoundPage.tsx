import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Link to="/">{t('notFound.back')}</Link>
    </section>
  );
}
