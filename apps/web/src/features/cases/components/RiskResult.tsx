import type { RiskInstrument } from '@schakel/domain';
import { useTranslation } from 'react-i18next';
import type { RiskAssessment } from '../api/risk';
import { localised } from '../localised';

interface RiskResultProps {
  assessment: RiskAssessment;
  instrument: RiskInstrument | undefined;
}

/**
 * What an assessment brings to light: the red flags and protective factors present (a listing, not a
 * count) and the prompts to act on. A score is shown only when the instrument has validated scoring.
 */
export function RiskResult({ assessment: a, instrument }: RiskResultProps) {
  const { t, i18n } = useTranslation();
  const itemLabel = (key: string) => {
    const item = instrument?.sections.flatMap((s) => s.items).find((i) => i.key === key);
    return item ? localised(item.label, i18n.language) : key;
  };
  return (
    <section aria-labelledby="risk-result-title" className="panel">
      <h2 id="risk-result-title">{t('risk.result.title')}</h2>
      <dl className="details">
        <dt>{t('risk.result.level')}</dt>
        <dd>{t(`riskLevels.${a.level}`)}</dd>
        {a.score !== undefined && a.score !== null && (
          <>
            <dt>{t('risk.result.score')}</dt>
            <dd>{a.score}</dd>
          </>
        )}
        {a.suggestedLevel && (
          <>
            <dt>{t('risk.result.suggestedLevel')}</dt>
            <dd>{t(`riskLevels.${a.suggestedLevel}`)}</dd>
          </>
        )}
        <dt>{t('risk.result.redFlags')}</dt>
        <dd>{a.indicators.redFlags.length ? a.indicators.redFlags.map(itemLabel).join('; ') : t('risk.result.none')}</dd>
        <dt>{t('risk.result.protectiveFactors')}</dt>
        <dd>{a.indicators.protectiveFactors.length ? a.indicators.protectiveFactors.map(itemLabel).join('; ') : t('risk.result.none')}</dd>
      </dl>
      {a.prompts.length > 0 && (
        <>
          <h3>{t('risk.result.prompts')}</h3>
          <ul>
            {a.prompts.map((p) => (
              <li key={p.code}>
                {t(`risk.prompts.${p.code}`, { defaultValue: p.code })}
                {p.itemKeys.length > 0 && <span className="hint"> {t('risk.result.raisedBy', { items: p.itemKeys.map(itemLabel).join('; ') })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
