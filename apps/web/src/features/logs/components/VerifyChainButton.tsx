import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { errorMessage } from '../../../lib/errorMessage';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useVerifySharingLog } from '../api/sharingLog';

/**
 * Recomputes the whole hash chain on the server and checks the latest signed checkpoint: either
 * the log is intact, or it says at which entry the chain breaks.
 */
export function VerifyChainButton() {
  const { t, i18n } = useTranslation();
  const verify = useVerifySharingLog();
  const verdict = verify.data;
  return (
    <div className="verify">
      <button type="button" onClick={() => !verify.isPending && verify.mutate()} aria-disabled={verify.isPending || undefined}>
        {verify.isPending ? t('logs.sharing.verifying') : t('logs.sharing.verify')}
      </button>
      <div role="status">
        {verdict && verdict.valid && (
          <div className="alert alert-success">
            <p>
              <strong>{t('logs.sharing.valid', { count: verdict.entries })}</strong>
            </p>
            {verdict.checkpoint ? (
              <p>{t('logs.sharing.checkpoint', { seq: verdict.checkpoint.seq, at: formatDateTime(verdict.checkpoint.at, i18n.language) })}</p>
            ) : (
              <p>{t('logs.sharing.noCheckpoint')}</p>
            )}
          </div>
        )}
      </div>
      {verdict && !verdict.valid && (
        <div role="alert" className="alert alert-error">
          <p>
            <strong>
              {verdict.firstBrokenSeq !== undefined
                ? t('logs.sharing.brokenAt', { seq: verdict.firstBrokenSeq })
                : verdict.checkpoint?.valid === false
                  ? t('logs.sharing.checkpointInvalid')
                  : t('logs.sharing.broken')}
            </strong>
          </p>
          {verdict.reason && (
            <p>
              {t('logs.sharing.reason')} <span lang="en">{verdict.reason}</span>
            </p>
          )}
        </div>
      )}
      <FormAlert>{verify.error ? errorMessage(verify.error, t) : null}</FormAlert>
    </div>
  );
}
