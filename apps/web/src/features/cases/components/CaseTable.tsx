import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/formatDateTime';
import type { CaseListItem } from '../types';
import { CaseBadges } from './CaseBadges';
import { TableScroll } from '../../../components/TableScroll';

interface CaseTableProps {
  caption: string;
  cases: CaseListItem[];
  /** Show the chain step of each case (lists that are not grouped by step). */
  showStage: boolean;
}

/**
 * Cases, one row each, linked to their page. A case the user only follows as its referrer shows
 * its reference and step, nothing else.
 */
export function CaseTable({ caption, cases, showStage }: CaseTableProps) {
  const { t, i18n } = useTranslation();
  // A list of cases followed as a referrer only has nothing to show beyond reference and step.
  const details = cases.some((c) => !c.limited);
  return (
    <TableScroll label={caption}>
      <table className="table-dense table-fixed">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-reference">
              {t('cases.reference')}
            </th>
            {showStage && (
              <th scope="col" className="col-stage">
                {t('cases.stage')}
              </th>
            )}
            {details && (
              <th scope="col" className="col-date">
                {t('cases.referredAt')}
              </th>
            )}
            {details && <th scope="col">{t('cases.signals')}</th>}
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/cases/${c.id}`}>{c.reference}</Link>
              </th>
              {showStage && <td>{t(`stages.${c.stage}`)}</td>}
              {details && <td>{c.limited ? '—' : formatDateTime(c.createdAt, i18n.language)}</td>}
              {details && <td>{c.limited ? <span className="muted">{t('cases.followOnly')}</span> : <CaseBadges caseSummary={c} />}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
