import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../lib/errorMessageKey';
import { isApiError } from '../lib/isApiError';

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
      {/* Asking again cannot make a missing or forbidden record appear: no "try again" then. */}
      {onRetry && !isApiError(error, 404) && !isApiError(error, 403) && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
