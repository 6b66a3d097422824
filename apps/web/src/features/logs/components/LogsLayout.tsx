import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Can } from '../../me/components/Can';

/** /logs: the sharing log, and for the DPO the access log and the login audit. */
export function LogsLayout() {
  const { t } = useTranslation();
  return (
    <div className="logs">
      <nav aria-label={t('logs.nav')} className="sub-nav">
        <ul>
          <Can I="read" a="SharingLog">
            <li>
              <NavLink to="/logs/sharing">{t('logs.sharing.title')}</NavLink>
            </li>
          </Can>
          <Can I="read" a="AccessLog">
            <li>
              <NavLink to="/logs/access">{t('logs.access.title')}</NavLink>
            </li>
          </Can>
          <Can I="read" a="LoginAudit">
            <li>
              <NavLink to="/logs/logins">{t('logs.logins.title')}</NavLink>
            </li>
          </Can>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
