import { useTranslation } from 'react-i18next';

/** A count; a suppressed one (null: between 1 and 4) reads "< 5" and points to the explanation. */
export function CountCell({ value, min }: { value: number | null; min: number }) {
  const { t } = useTranslation();
  if (value !== null) return <td className="num">{value}</td>;
  return (
    <td className="num">
      <abbr title={t('statistics.suppressedTitle', { min })}>{t('statistics.suppressed', { min })}</abbr>
    </td>
  );
}
