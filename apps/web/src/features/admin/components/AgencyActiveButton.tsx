import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errorMessage';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { useUpdateAgency } from '../api/agencies';
import type { Agency } from '../types';
import type { Feedback } from './ActionFeedback';

interface AgencyActiveButtonProps {
  agency: Agency;
  onFeedback: (feedback: Feedback) => void;
}

/** Deactivates (or reactivates) an agency from the list, with the version the list read. */
export function AgencyActiveButton({ agency, onFeedback }: AgencyActiveButtonProps) {
  const { t } = useTranslation();
  const update = useUpdateAgency();
  const onClick = () => {
    if (update.isPending) return;
    const active = !agency.active;
    update.mutate(
      { id: agency.id, version: agency.version, active },
      {
        onSuccess: () =>
          onFeedback({ tone: 'info', text: t(active ? 'admin.agencies.reactivated' : 'admin.agencies.deactivated', { name: agency.name }) }),
        onError: (error) =>
          onFeedback({ tone: 'error', text: isStaleVersion(error) ? t('admin.staleList') : errorMessage(error, t) }),
      },
    );
  };
  return (
    <button type="button" onClick={onClick} aria-disabled={update.isPending || undefined}>
      {agency.active ? t('admin.deactivate') : t('admin.reactivate')}
      <span className="visually-hidden"> {agency.name}</span>
    </button>
  );
}
