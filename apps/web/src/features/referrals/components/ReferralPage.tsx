import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import type { ReferralResult } from '../api/referrals';
import { ReferralForm } from './ReferralForm';

/** /refer: a police referral; once filed, its reference and (neutrally) whether it is a repeat referral. */
export function ReferralPage() {
  const { t } = useTranslation();
  const [result, setResult] = useState<ReferralResult | null>(null);
  const [formKey, setFormKey] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  return (
    <section>
      <PageHeading>{t('referral.title')}</PageHeading>
      {result ? (
        <div ref={resultRef} tabIndex={-1} className="referral-result" aria-labelledby="referral-done">
          <div role="status" className="alert alert-success">
            <p id="referral-done">
              <strong>{t('referral.done', { reference: result.reference })}</strong>
            </p>
            <p>{t('referral.doneNext')}</p>
          </div>
          {result.repeatReferral && <p className="alert alert-info">{t('referral.repeatNotice')}</p>}
          <p className="form-actions">
            <Link className="button button-primary" to={`/cases/${result.caseId}`}>
              {t('referral.openCase', { reference: result.reference })}
            </Link>
            <button
              type="button"
              onClick={() => {
                setResult(null);
                setFormKey((k) => k + 1);
              }}
            >
              {t('referral.another')}
            </button>
          </p>
        </div>
      ) : (
        <>
          <p>{t('referral.intro')}</p>
          <ReferralForm key={formKey} onDone={setResult} />
        </>
      )}
    </section>
  );
}
