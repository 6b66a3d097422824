import { useTranslation } from 'react-i18next';

/** Placeholder while data loads. */
export function LoadingState() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}
