import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { formatDateTime } from '../../../lib/formatDateTime';
import { errorMessage } from '../../../lib/errorMessage';
import { useUpdateUser } from '../api/users';
import type { AdminUser } from '../types';
import { ActionFeedback, type Feedback } from './ActionFeedback';

interface AccountSecurityPanelProps {
  user: AdminUser;
}

/** Two-step verification reset and lockout lift for an account, each confirmed first. */
export function AccountSecurityPanel({ user }: AccountSecurityPanelProps) {
  const { t, i18n } = useTranslation();
  const update = useUpdateUser();
  const [confirming, setConfirming] = useState<'resetMfa' | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  // The moment the panel opened: a lock that ends while it is open shows until the next visit.
  const [openedAt] = useState(() => Date.now());
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > openedAt;

  const run = (change: { resetMfa: true } | { unlock: true }, done: string) => {
    if (update.isPending) return;
    update.mutate(
      { id: user.id, version: user.version, ...change },
      {
        onSuccess: () => {
          setConfirming(null);
          setFeedback({ tone: 'info', text: done });
        },
        onError: (error) => {
          setConfirming(null);
          setFeedback({ tone: 'error', text: errorMessage(error, t) });
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="account-security-title">
      <h2 id="account-security-title">{t('selfService.security.title')}</h2>
      <ActionFeedback feedback={feedback} />
      <p>
        {user.mfaEnabled ? t('selfService.security.mfaOn') : t('selfService.security.mfaOff')}{' '}
        {locked && t('selfService.security.lockedUntil', { date: formatDateTime(user.lockedUntil ?? '', i18n.language) })}
      </p>
      <div className="form-actions">
        {user.mfaEnabled && (
          <button type="button" onClick={() => setConfirming('resetMfa')}>
            {t('selfService.security.resetMfa')}
          </button>
        )}
        {locked && (
          <button type="button" onClick={() => run({ unlock: true }, t('selfService.security.unlocked', { name: user.displayName }))}>
            {t('selfService.security.unlock')}
          </button>
        )}
      </div>
      {confirming === 'resetMfa' && (
        <ConfirmDialog
          title={t('confirm.mfa.title', { name: user.displayName })}
          confirmLabel={t('confirm.mfa.reset')}
          pending={update.isPending}
          onConfirm={() => run({ resetMfa: true }, t('selfService.security.mfaReset', { name: user.displayName }))}
          onCancel={() => setConfirming(null)}
        >
          <p>{t('confirm.mfa.body', { name: user.displayName })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
