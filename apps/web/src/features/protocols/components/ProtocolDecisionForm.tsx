import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useLiveValidation } from '../../../hooks/useLiveValidation';
import { decisionApprovalSchema, decisionReasonSchema, useProtocolCommand } from '../api/protocols';
import type { Protocol } from '../types';
import { ProtocolDecisionConfirm } from './ProtocolDecisionConfirm';

interface ProtocolDecisionFormProps {
  protocol: Protocol;
  action: 'approve' | 'reject' | 'suspend' | 'lift';
  onDone: (saved: Protocol) => void;
}

const OPTIONS = { fields: ['reference', 'motivation', 'reason'] as const };

/**
 * The prosecutor liaison's decision: approve with the prosecutor's reference and a written
 * motivation (art. 458ter asks for a reasoned authorisation), reject, suspend or lift a suspension
 * with a reason. Suspending and lifting are confirmed first: they stop or restart all sharing.
 */
export function ProtocolDecisionForm({ protocol, action, onDone }: ProtocolDecisionFormProps) {
  const { t } = useTranslation();
  const command = useProtocolCommand();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ reference: '', motivation: '', reason: '' });
  const approving = action === 'approve';
  const live = useLiveValidation(approving ? decisionApprovalSchema : decisionReasonSchema, values);
  const { errors, formError } = useFormErrors(live.errors, command.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [live.focusRequest, command.error]);
  const titleId = `protocol-${action}-title`;
  // The command waits for a second, explicit confirmation that shows what it touches.
  const [confirming, setConfirming] = useState<Parameters<typeof command.mutate>[0] | null>(null);
  const title = action === 'lift' ? t('law.liftTitle') : t(`protocols.decide.${action}Title`);
  const label = action === 'lift' ? t('law.lift') : t(`protocols.decide.${action}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (command.isPending) return;
    if (!live.validate()) return;
    const mutation =
      action === 'approve'
        ? { id: protocol.id, action, reference: values.reference.trim(), motivation: values.motivation.trim() }
        : { id: protocol.id, action, reason: values.reason.trim() };
    setConfirming(mutation);
  };
  const confirm = () => {
    if (!confirming || command.isPending) return;
    command.mutate(confirming, {
      onSuccess: (saved) => {
        setConfirming(null);
        onDone(saved);
      },
      onError: () => setConfirming(null),
    });
  };

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} onBlur={live.onBlur} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <FormAlert>{formError}</FormAlert>
      {approving ? (
        <>
          <TextField
            label={t('protocols.decide.reference')}
            hint={t('protocols.decide.referenceHint')}
            name="reference"
            value={values.reference}
            onChange={(reference) => setValues((v) => ({ ...v, reference }))}
            error={errors['reference']}
          />
          <TextAreaField
            label={t('law.motivation')}
            hint={t('law.motivationHint')}
            name="motivation"
            rows={4}
            value={values.motivation}
            onChange={(motivation) => setValues((v) => ({ ...v, motivation }))}
            error={errors['motivation']}
          />
        </>
      ) : (
        <TextAreaField
          label={t('protocols.decide.reason')}
          name="reason"
          rows={3}
          value={values.reason}
          onChange={(reason) => setValues((v) => ({ ...v, reason }))}
          error={errors['reason']}
        />
      )}
      <SubmitButton pending={command.isPending}>{label}</SubmitButton>
      {confirming && (
        <ProtocolDecisionConfirm protocol={protocol} action={action} pending={command.isPending} onConfirm={confirm} onCancel={() => setConfirming(null)} />
      )}
    </form>
  );
}
