import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import type { SectionKey } from '../config/sections';

interface SectionPlaceholderPageProps {
  section: SectionKey;
}

/** Stands in for a section whose screens are not built yet, behind the same guard the real ones will have. */
export function SectionPlaceholderPage({ section }: SectionPlaceholderPageProps) {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeading>{t(`sections.${section}.title`)}</PageHeading>
      <p>{t('sections.comingSoon')}</p>
    </section>
  );
}
