import { formatNationalNumber } from '@schakel/domain';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/formatDate';
import type { Person } from '../types';

interface PersonsListProps {
  persons: Person[];
}

/** The persons of the case (cliëntsysteem), as referred. */
export function PersonsList({ persons }: PersonsListProps) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="persons-title">
      <h2 id="persons-title">{t('case.persons.title')}</h2>
      <table>
        <caption className="visually-hidden">{t('case.persons.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('case.persons.name')}</th>
            <th scope="col">{t('case.persons.role')}</th>
            <th scope="col">{t('case.persons.birthDate')}</th>
            <th scope="col">{t('case.persons.nationalNumber')}</th>
            <th scope="col">{t('case.persons.address')}</th>
          </tr>
        </thead>
        <tbody>
          {persons.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.firstName} {p.lastName}
              </th>
              <td>{t(`personRoles.${p.role}`)}</td>
              <td>{p.birthDate ? formatDate(p.birthDate, i18n.language) : '—'}</td>
              <td>{p.nationalNumber ? formatNationalNumber(p.nationalNumber) : '—'}</td>
              <td>{p.address ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
