import { PROTOCOL_LIMITS, protocolApprovalRequestSchema, protocolReasonRequestSchema } from '@schakel/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useZodForm } from '../../../hooks/useZodForm';
import { useProtocolCommand } from '../api/protocols';
import type { Protocol } from '../types';
import { ProtocolDecisionConfirm } from './ProtocolDecisionConfirm';

interface ProtocolDecisionFormProps {
  protocol: Protocol;
  action: 'approve' | 'reject' | 'suspend' | 'lift';
  onDone: (saved: Protocol) => void;
}

const OPTIONS = { fields: ['reference', 'motivation', 'reason'] as const };
interface DecisionValues {
  reference: string;
  motivation: string;
  reason: string;
}

/**
 * The prosecutor liaison's decision: approve with the prosecutor's reference and a written
 * motivation (art. 458ter asks for a reasoned authorisation), reject, suspend or lift a suspension
 * with a reason. Suspending and lifting are confirmed first: they stop or restart all sharing.
 */
export function ProtocolDecisionForm({ protocol, action, onDone }: ProtocolDecisionFormProps) {
  const { t } = useTranslation();
  const command = useProtocolCommand();
  const formRef = useRef<HTMLFormElement>(null);
  const approving = action === 'approve';
  // A form's schema is fixed for its life: each action is its own form.
  const {
    field,
    errors: clientErrors,
    onSubmit,
    focusRequest,
  } = useZodForm<typeof protocolApprovalRequestSchema | typeof protocolReasonRequestSchema, DecisionValues>(
    approving ? protocolApprovalRequestSchema : protocolReasonRequestSchema,
    { reference: '', motivation: '', reason: '' },
  );
  const { errors, formError } = useFormErrors(clientErrors, command.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, command.error]);
  const titleId = `protocol-${action}-title`;
  // The command waits for a second, explicit confirmation that shows what it touches.
  const [confirming, setConfirming] = useState<Parameters<typeof command.mutate>[0] | null>(null);
  const title = action === 'lift' ? t('law.liftTitle') : t(`protocols.decide.${action}Title`);
  const label = action === 'lift' ? t('law.lift') : t(`protocols.decide.${action}`);

  const submit = onSubmit((parsed) => {
    if (command.isPending) return;
    if (action === 'approve') {
      if ('reference' in parsed) setConfirming({ id: protocol.id, action, reference: parsed.reference, motivation: parsed.motivation });
    } else if ('reason' in parsed) {
      setConfirming({ id: protocol.id, action, reason: parsed.reason });
    }
  });
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
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <FormAlert>{formError}</FormAlert>
      {approving ? (
        <>
          <TextField label={t('protocols.decide.reference')} hint={t('protocols.decide.referenceHint')} {...field('reference')} error={errors['reference']} />
          <TextAreaField
            label={t('law.motivation')}
            hint={t('law.motivationHint')}
            rows={4}
            limit={PROTOCOL_LIMITS.motivationMax}
            {...field('motivation')}
            error={errors['motivation']}
          />
        </>
      ) : (
        <TextAreaField label={t('protocols.decide.reason')} rows={3} limit={PROTOCOL_LIMITS.reasonMax} {...field('reason')} error={errors['reason']} />
      )}
      <SubmitButton pending={command.isPending}>{label}</SubmitButton>
      {confirming && (
        <ProtocolDecisionConfirm protocol={protocol} action={action} pending={command.isPending} onConfirm={confirm} onCancel={() => setConfirming(null)} />
      )}
    </form>
  );
}
