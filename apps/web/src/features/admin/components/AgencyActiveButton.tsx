import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { errorMessage } from '../../../lib/errorMessage';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { useAgencyConsequences } from '../../consequences/consequences';
import { useUpdateAgency } from '../api/agencies';
import type { Agency } from '../types';
import type { Feedback } from './ActionFeedback';

interface AgencyActiveButtonProps {
  agency: Agency;
  onFeedback: (feedback: Feedback) => void;
}

/** Deactivates (after a confirmation naming what it touches) or reactivates an agency from the list. */
export function AgencyActiveButton({ agency, onFeedback }: AgencyActiveButtonProps) {
  const { t } = useTranslation();
  const update = useUpdateAgency();
  const [confirming, setConfirming] = useState(false);
  const consequences = useAgencyConsequences(agency.id, confirming);
  const run = () => {
    if (update.isPending) return;
    const active = !agency.active;
    update.mutate(
      { id: agency.id, version: agency.version, active },
      {
        onSuccess: () => {
          setConfirming(false);
          onFeedback({ tone: 'info', text: t(active ? 'admin.agencies.reactivated' : 'admin.agencies.deactivated', { name: agency.name }) });
        },
        onError: (error) => {
          setConfirming(false);
          onFeedback({ tone: 'error', text: isStaleVersion(error) ? t('admin.staleList') : errorMessage(error, t) });
        },
      },
    );
  };
  const c = consequences.data;
  return (
    <>
      <button type="button" onClick={() => (agency.active ? setConfirming(true) : run())} aria-disabled={update.isPending || undefined}>
        {agency.active ? t('admin.deactivate') : t('admin.reactivate')}
        <span className="visually-hidden"> {agency.name}</span>
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('confirm.agency.deactivateTitle', { name: agency.name })}
          confirmLabel={t('confirm.agency.deactivate')}
          pending={update.isPending}
          onConfirm={run}
          onCancel={() => setConfirming(false)}
        >
          {c ? (
            <ul>
              <li>{t('confirm.agency.users', { count: c.activeUsers })}</li>
              <li>{t('confirm.agency.cases', { count: c.openCases })}</li>
              <li>{t('confirm.agency.protocols', { count: c.approvedProtocols })}</li>
            </ul>
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
