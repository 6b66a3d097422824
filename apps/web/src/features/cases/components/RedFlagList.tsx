import { RED_FLAGS, type RedFlagCode } from '@schakel/domain';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../i18n';

interface RedFlagListProps {
  codes: readonly RedFlagCode[];
}

/** The red flags (rode vlaggen) seen at referral, in the user's language. */
export function RedFlagList({ codes }: RedFlagListProps) {
  const { t, i18n } = useTranslation();
  if (codes.length === 0) return <span>{t('case.noRedFlags')}</span>;
  const lang = (i18n.resolvedLanguage ?? 'en') as Language;
  return (
    <ul className="red-flags">
      {codes.map((code) => {
        const item = RED_FLAGS.find((f) => f.code === code);
        return (
          <li key={code}>
            <span className="code">{code}</span> {item ? (item.label[lang] ?? item.label.en) : code}
          </li>
        );
      })}
    </ul>
  );
}
