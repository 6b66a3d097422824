import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SectionKey } from '../../../config/sections';

interface SectionCardProps {
  section: SectionKey;
  path: string;
}

/** One section on the home page: its name (the link) and what it is for. */
export function SectionCard({ section, path }: SectionCardProps) {
  const { t } = useTranslation();
  return (
    <li className="card">
      <h3>
        <Link to={path}>{t(`sections.${section}.title`)}</Link>
      </h3>
      <p>{t(`sections.${section}.description`)}</p>
    </li>
  );
}
