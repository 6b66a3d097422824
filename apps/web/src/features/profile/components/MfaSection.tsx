import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../me/api/me';
import { MfaEnrolment } from './MfaEnrolment';

interface MfaSectionProps {
  me: Me;
}

/** Two-step verification: on, or how to turn it on. */
export function MfaSection({ me }: MfaSectionProps) {
  const { t } = useTranslation();
  const enabledRef = useRef<HTMLDivElement>(null);
  const [wasEnabled] = useState(me.mfaEnabled);
  const justEnabled = me.mfaEnabled && !wasEnabled;

  // The confirm form disappears on success: put the focus on what replaced it.
  useEffect(() => {
    if (justEnabled) enabledRef.current?.focus();
  }, [justEnabled]);

  return (
    <section aria-labelledby="mfa-title">
      <h2 id="mfa-title">{t('profile.mfa.title')}</h2>
      {me.mfaEnabled ? (
        <div ref={enabledRef} tabIndex={-1} className="alert alert-success">
          <p>{justEnabled ? t('profile.mfa.nowEnabled') : t('profile.mfa.enabled')}</p>
          {justEnabled && <Link to="/">{t('profile.mfa.continue')}</Link>}
        </div>
      ) : (
        <MfaEnrolment />
      )}
    </section>
  );
}
