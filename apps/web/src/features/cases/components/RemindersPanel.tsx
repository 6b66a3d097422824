import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/formatDate';
import { useReminders } from '../api/reminders';

/** What needs attention now: the agency's actions due soon or overdue, and cases ready for evaluation. */
export function RemindersPanel() {
  const { t, i18n } = useTranslation();
  const reminders = useReminders();
  const data = reminders.data;
  if (!data || (data.actions.length === 0 && data.evaluationsDue.length === 0)) return null;
  return (
    <section className="panel" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('cases.reminders.title')}</h2>
      {data.actions.length > 0 && (
        <>
          <h3>{t('cases.reminders.actions')}</h3>
          <ul>
            {data.actions.map((a) => (
              <li key={a.actionId}>
                <Link to={`/cases/${a.caseId}/actions`}>
                  {t('cases.reminders.action', { reference: a.reference, measure: t(`measures.${a.measure}`), date: formatDate(a.dueDate, i18n.language) })}
                </Link>
                {a.overdue && <span className="badge badge-danger">{t('actions.overdue')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {data.evaluationsDue.length > 0 && (
        <>
          <h3>{t('cases.reminders.evaluations')}</h3>
          <ul>
            {data.evaluationsDue.map((e) => (
              <li key={e.caseId}>
                <Link to={`/cases/${e.caseId}`}>{e.reference}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
