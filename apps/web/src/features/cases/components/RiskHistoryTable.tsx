import { perChildKey, type RiskInstrument } from '@schakel/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/formatDateTime';
import type { RiskAssessment } from '../api/risk';
import { localised } from '../localised';
import { answerValueKey } from '../riskLabels';
import type { Person } from '../types';
import { TableScroll } from '../../../components/TableScroll';

interface RiskHistoryTableProps {
  person: Person;
  assessments: RiskAssessment[];
  instrument: RiskInstrument;
  childPersons: Person[];
}

/** One person's assessments side by side (items × assessments, oldest first), so a change stands out. */
export function RiskHistoryTable({ person, assessments, instrument, childPersons }: RiskHistoryTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const same = assessments.filter((a) => a.instrument === instrument.key && a.version === instrument.version);
  const rows = instrument.sections.flatMap((section) =>
    section.items.flatMap((item) =>
      section.perChild
        ? childPersons.map((c) => ({ key: perChildKey(item.key, c.id), label: `${localised(item.label, lang)} — ${c.firstName} ${c.lastName}` }))
        : [{ key: item.key, label: localised(item.label, lang) }],
    ),
  );
  const pattern = (value: string | null) =>
    value ? localised(instrument.violencePatterns.find((p) => p.value === value)?.label ?? { nl: value, fr: value, en: value }, lang) : '—';
  return (
    <TableScroll label={t('risk.history.caption', { person: `${person.firstName} ${person.lastName}`, instrument: localised(instrument.title, lang) })}>
      <table>
        <caption>{t('risk.history.caption', { person: `${person.firstName} ${person.lastName}`, instrument: localised(instrument.title, lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('risk.history.item')}</th>
            {same.map((a) => (
              <th scope="col" key={a.id}>
                <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, lang)}</time>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('risk.form.level')}</th>
            {same.map((a) => (
              <td key={a.id}>
                <strong>{t(`riskLevels.${a.level}`)}</strong>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('risk.form.violencePattern')}</th>
            {same.map((a) => (
              <td key={a.id}>{pattern(a.violencePattern)}</td>
            ))}
          </tr>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {same.map((a) => {
                const answer = a.answers[row.key];
                return (
                  <td key={a.id}>
                    {answer ? t(`risk.answerValues.${answerValueKey(answer.value)}`) : '—'}
                    {answer?.source && <span className="hint"> ({t(`risk.sources.${answer.source}`)})</span>}
                    {answer?.note && <div className="hint">{answer.note}</div>}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('risk.form.rationale')}</th>
            {same.map((a) => (
              <td key={a.id} className="prewrap">
                {a.levelRationale ?? '—'}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('risk.result.prompts')}</th>
            {same.map((a) => (
              <td key={a.id}>{a.prompts.length ? a.prompts.map((p) => t(`risk.prompts.${p.code}`, { defaultValue: p.code })).join('; ') : '—'}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}
