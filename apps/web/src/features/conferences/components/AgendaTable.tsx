import { RED_FLAGS } from '@schakel/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Language } from '../../../i18n';
import type { AgendaItem } from '../types';
import { TableScroll } from '../../../components/TableScroll';

/** The agenda: case references and stages; after the acknowledgement also the persons, risk level and red flags. */
export function AgendaTable({ agenda }: { agenda: AgendaItem[] }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? 'en') as Language;
  const full = agenda.some((a) => !a.limited);
  const redFlag = (code: string) => RED_FLAGS.find((f) => f.code === code)?.label[lang] ?? code;
  return (
    <TableScroll label={t('conferences.agenda.title')}>
      <table>
        <caption>{t('conferences.agenda.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conferences.agenda.position')}</th>
            <th scope="col">{t('conferences.agenda.reference')}</th>
            <th scope="col">{t('conferences.agenda.stage')}</th>
            {full && (
              <>
                <th scope="col">{t('conferences.agenda.persons')}</th>
                <th scope="col">{t('conferences.agenda.riskLevel')}</th>
                <th scope="col">{t('conferences.agenda.redFlags')}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {agenda.map((a) => (
            <tr key={a.caseId}>
              <td>{a.position}</td>
              <th scope="row">
                {/* The case page answers 404 to a participant outside the case: the link is offered once the agenda is open. */}
                {a.limited ? (
                  a.reference
                ) : (
                  <Link to={`/cases/${a.caseId}`} aria-label={t('casework.conference.openCase', { reference: a.reference })}>
                    {a.reference}
                  </Link>
                )}
              </th>
              <td>{t(`stages.${a.stage}`)}</td>
              {full &&
                (a.limited ? (
                  <td colSpan={3}>{t('conferences.agenda.limited')}</td>
                ) : (
                  <>
                    <td>
                      {Object.entries(a.persons)
                        .map(([role, n]) => `${t(`personRoles.${role}` as never, { defaultValue: role })}: ${n}`)
                        .join(', ') || '—'}
                    </td>
                    <td>{a.riskLevel ? t(`riskLevels.${a.riskLevel}`) : t('conferences.agenda.noRiskLevel')}</td>
                    <td>{a.redFlags.length ? a.redFlags.map(redFlag).join('; ') : t('case.noRedFlags')}</td>
                  </>
                ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
