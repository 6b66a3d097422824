import type { Role } from '@schakel/domain';
import { useTranslation } from 'react-i18next';

interface RoleIntroProps {
  roles: readonly Role[];
}

/** One sentence per role the user holds: what Schakel is for, for them. */
export function RoleIntro({ roles }: RoleIntroProps) {
  const { t } = useTranslation();
  if (roles.length === 0) return null;
  return (
    <ul className="role-intro">
      {roles.map((role) => (
        <li key={role}>
          <strong>{t(`roles.${role}`)}</strong>: {t(`home.roleIntro.${role}`)}
        </li>
      ))}
    </ul>
  );
}
