import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agency } from '../types';
import type { Feedback } from './ActionFeedback';
import { AgencyActiveButton } from './AgencyActiveButton';
import { TableScroll } from '../../../components/TableScroll';

interface AgencyTableProps {
  agencies: Agency[];
  onFeedback: (feedback: Feedback) => void;
}

/** The agencies, one row each, with edit and (de)activate. */
export function AgencyTable({ agencies, onFeedback }: AgencyTableProps) {
  const { t } = useTranslation();
  if (agencies.length === 0) return <p>{t('admin.agencies.empty')}</p>;
  return (
    <TableScroll label={t('admin.agencies.title')}>
      <table className="table-dense">
        <caption className="visually-hidden">{t('admin.agencies.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.agencies.name')}</th>
            <th scope="col">{t('admin.agencies.type')}</th>
            <th scope="col">{t('admin.agencies.district')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.id} className={agency.active ? undefined : 'inactive'}>
              <th scope="row">
                <Link to={`/admin/agencies/${agency.id}`}>{agency.name}</Link>
              </th>
              <td>{t(`agencyTypes.${agency.type}`)}</td>
              <td>{agency.district}</td>
              <td>{agency.active ? t('admin.active') : t('admin.inactive')}</td>
              <td>
                <AgencyActiveButton agency={agency} onFeedback={onFeedback} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
