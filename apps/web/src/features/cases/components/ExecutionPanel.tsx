import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCases } from '../api/cases';

interface ExecutionPanelProps {
  mine: boolean;
}

/**
 * Cases in execution (UITVOERING): where actions run, and can run late. Computing overdue actions
 * for every case would mean one request per case; this panel links straight to each action plan.
 */
export function ExecutionPanel({ mine }: ExecutionPanelProps) {
  const { t } = useTranslation();
  const cases = useCases({ stage: 'UITVOERING', mine: mine || undefined });
  const items = (cases.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => !c.limited);
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="execution-title">
      <h2 id="execution-title">{t('cases.execution.title')}</h2>
      <p>{t('cases.execution.body')}</p>
      <ul>
        {items.map((c) => (
          <li key={c.id}>
            <Link to={`/cases/${c.id}/actions`}>{t('cases.execution.link', { reference: c.reference })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
