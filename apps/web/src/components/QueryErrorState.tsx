import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../lib/errorMessageKey';

interface QueryErrorStateProps {
  error: unknown;
  onRetry?: () => void;
}

/** What a screen shows when its data could not be loaded. */
export function QueryErrorState({ error, onRetry }: QueryErrorStateProps) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert alert-error">
      <p>{t(errorMessageKey(error))}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
