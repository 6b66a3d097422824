import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminUser } from '../types';
import type { Feedback } from './ActionFeedback';
import { UserActiveButton } from './UserActiveButton';
import { UserStatus } from './UserStatus';
import { TableScroll } from '../../../components/TableScroll';

interface UserTableProps {
  users: AdminUser[];
  /** Agency names by id, for display. */
  agencyNames: ReadonlyMap<string, string>;
  onFeedback: (feedback: Feedback) => void;
}

/** The accounts, one row each, with edit and (de)activate. */
export function UserTable({ users, agencyNames, onFeedback }: UserTableProps) {
  const { t } = useTranslation();
  if (users.length === 0) return <p>{t('admin.users.empty')}</p>;
  return (
    <TableScroll label={t('admin.users.title')}>
      <table className="table-dense">
        <caption className="visually-hidden">{t('admin.users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.displayName')}</th>
            <th scope="col">{t('admin.users.email')}</th>
            <th scope="col">{t('admin.users.agency')}</th>
            <th scope="col">{t('admin.users.roles')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'inactive'}>
              <th scope="row">
                <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>
              </th>
              <td>{user.email}</td>
              <td>{agencyNames.get(user.agencyId) ?? '—'}</td>
              <td>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
              <td>
                <UserStatus user={user} />
              </td>
              <td>
                <UserActiveButton user={user} onFeedback={onFeedback} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
