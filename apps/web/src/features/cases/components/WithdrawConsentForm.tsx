import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { errorMessage } from '../../../lib/errorMessage';
import { useWithdrawConsent } from '../api/consents';

interface WithdrawConsentFormProps {
  caseId: string;
  consentId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Withdraws a consent from now on: the record stays, later disclosures on it are refused. */
export function WithdrawConsentForm({ caseId, consentId, onDone, onCancel }: WithdrawConsentFormProps) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (withdraw.isPending) return;
    withdraw.mutate({ caseId, consentId, reason }, { onSuccess: () => onDone(t('consents.withdrawn')) });
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t('consents.withdrawTitle')}>
      <FormAlert>{withdraw.error ? errorMessage(withdraw.error, t) : null}</FormAlert>
      <p>{t('consents.withdrawExplain')}</p>
      <TextField
        label={t('consents.withdrawReason')}
        hint={t('common.optional')}
        name="reason"
        autoFocus
        value={reason}
        onChange={setReason}
        maxLength={2000}
      />
      <div className="form-actions">
        <SubmitButton pending={withdraw.isPending}>{t('consents.withdraw')}</SubmitButton>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
