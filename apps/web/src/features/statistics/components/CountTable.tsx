import { useTranslation } from 'react-i18next';
import { CountCell } from './CountCell';
import { TableScroll } from '../../../components/TableScroll';

interface CountTableProps {
  caption: string;
  heading: string;
  rows: { key: string; label: string; count: number | null }[];
  min: number;
}

/** One breakdown (per stage, per agency type, …) as a table with a caption. */
export function CountTable({ caption, heading, rows, min }: CountTableProps) {
  const { t } = useTranslation();
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="num">
              {t('statistics.cases')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={2}>{t('statistics.noData')}</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <CountCell value={r.count} min={min} />
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
