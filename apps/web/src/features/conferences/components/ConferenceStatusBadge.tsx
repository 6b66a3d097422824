import { useTranslation } from 'react-i18next';
import type { ConferenceStatus } from '../types';

/** Scheduled, in progress or closed, in words. */
export function ConferenceStatusBadge({ status }: { status: ConferenceStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status.toLowerCase()}`}>{t(`conferences.statuses.${status}`)}</span>;
}
