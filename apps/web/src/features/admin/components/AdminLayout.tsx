import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Can } from '../../me/components/Can';

/** The administration section: accounts and agencies. */
export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <div className="admin">
      <nav aria-label={t('admin.nav')} className="sub-nav">
        <ul>
          <li>
            <NavLink to="/admin/users">{t('admin.users.title')}</NavLink>
          </li>
          <Can I="manage" a="Agency">
            <li>
              <NavLink to="/admin/agencies">{t('admin.agencies.title')}</NavLink>
            </li>
          </Can>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
