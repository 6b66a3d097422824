import { inviteAgencyRequestSchema } from '@schakel/contracts';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useZodForm } from '../../../hooks/useZodForm';
import { useAgencyDirectory } from '../../../api/agencyDirectory';
import { useInviteAgency } from '../api/cases';
import type { CaseDetail } from '../types';

interface InviteAgencyFormProps {
  caseData: CaseDetail;
  onDone: (message: string) => void;
}

const OPTIONS = { fields: ['agencyId'] as const, codeFields: { AGENCY_NOT_SIGNATORY: 'agencyId', AGENCY_ALREADY_IN_CASE: 'agencyId' } };

/** Invites an agency into the case. Only agencies that signed the case's protocol are accepted (422 otherwise). */
export function InviteAgencyForm({ caseData, onDone }: InviteAgencyFormProps) {
  const { t } = useTranslation();
  const agencies = useAgencyDirectory();
  const invite = useInviteAgency();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, field, errors: clientErrors, onSubmit, focusRequest } = useZodForm(inviteAgencyRequestSchema, { agencyId: '' });
  const { errors, formError } = useFormErrors(clientErrors, invite.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, invite.error]);

  const inCase = new Set(caseData.agencies.map((a) => a.id));
  // Only the protocol's signatories can join the case (the API answers 422 AGENCY_NOT_SIGNATORY otherwise).
  const signatories = new Set(caseData.protocol.agencyIds);
  const options = (agencies.data ?? [])
    .filter((a) => a.active && signatories.has(a.id) && !inCase.has(a.id))
    .map((a) => ({ value: a.id, label: `${a.name} (${t(`agencyTypes.${a.type}`)})` }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = onSubmit((parsed) => {
    if (invite.isPending) return;
    const name = agencies.data?.find((a) => a.id === parsed.agencyId)?.name ?? '';
    invite.mutate(
      { caseId: caseData.id, agencyId: parsed.agencyId },
      {
        onSuccess: () => {
          form.reset({ agencyId: '' });
          onDone(t('case.agencies.invited', { name }));
        },
      },
    );
  });

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h3 id="invite-title">{t('case.agencies.inviteTitle')}</h3>
      <FormAlert>{formError}</FormAlert>
      <SelectField
        label={t('case.agencies.agency')}
        hint={t('case.agencies.inviteHint')}
        {...field('agencyId')}
        placeholder={agencies.isPending ? t('common.loading') : t('common.choose')}
        options={options}
        error={errors['agencyId'] ?? (agencies.isError ? t('case.agencies.directoryFailed') : undefined)}
      />
      <SubmitButton pending={invite.isPending}>{t('case.agencies.invite')}</SubmitButton>
    </form>
  );
}
