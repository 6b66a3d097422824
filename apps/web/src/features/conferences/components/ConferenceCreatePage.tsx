import { CONFERENCE_LIMITS, conferenceRequestSchema } from '@schakel/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { FormAlert } from '../../../components/FormAlert';
import { PageHeading } from '../../../components/PageHeading';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { UnsavedChangesDialog } from '../../../components/UnsavedChangesDialog';
import { useUnsavedChangesGuard } from '../../../hooks/useUnsavedChangesGuard';
import { asGroup, useZodForm } from '../../../hooks/useZodForm';
import { brusselsLocalToIso, nowInBrusselsLocal } from '../../../lib/brusselsTime';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useMyCases } from '../api/cases';
import { useCreateConference, useInvitable } from '../api/conferences';
import { useApprovedProtocols } from '../api/protocols';

const FIELDS = ['protocolId', 'scheduledAt', 'location', 'caseIds', 'inviteeUserIds'] as const;
const OPTIONS = {
  fields: FIELDS,
  codeFields: {
    CASE_NOT_UNDER_PROTOCOL: 'caseIds',
    CASE_CLOSED: 'caseIds',
    INVITEE_NOT_ALLOWED: 'inviteeUserIds',
    NO_APPROVED_PROTOCOL: 'protocolId',
    PROTOCOL_NOT_IN_FORCE: 'protocolId',
  },
};
const EMPTY = { protocolId: '', scheduledAt: '', location: '', caseIds: [] as string[], inviteeUserIds: [] as string[] };

/**
 * /conferences/new: a case director plans a conference under one protocol — when and where, the
 * cases they direct under that protocol (the agenda, in the order chosen) and the people to invite
 * (the API's list of those allowed: members of the protocol's signatories and of the cases' agencies).
 */
export function ConferenceCreatePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, values, field, errors: clientErrors, onSubmit, focusRequest } = useZodForm(conferenceRequestSchema, EMPTY);
  const protocols = useApprovedProtocols();
  const cases = useMyCases();
  const invitable = useInvitable(values.protocolId, values.caseIds);
  const create = useCreateConference();
  const { errors, formError } = useFormErrors(clientErrors, create.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, create.error]);
  // Planned: the guard lets go first, then the page moves to the new conference.
  const [created, setCreated] = useState<{ id: string; notice: string } | null>(null);
  const blocker = useUnsavedChangesGuard(form.formState.isDirty && !created);
  useEffect(() => {
    if (created) void navigate(`/conferences/${created.id}`, { state: { notice: created.notice } });
  }, [created, navigate]);
  const protocol = field('protocolId');

  const caseOptions = (cases.data?.items ?? [])
    .filter((c) => !c.limited && c.protocolId === values.protocolId && c.stage !== 'AFGESLOTEN')
    .map((c) => ({ value: c.id, label: `${c.reference} — ${t(`stages.${c.stage}`)}` }));
  const people = invitable.data?.items ?? [];

  const submit = onSubmit((parsed) => {
    if (create.isPending) return;
    const scheduledAt = brusselsLocalToIso(parsed.scheduledAt);
    if (!scheduledAt) return;
    create.mutate(
      { ...parsed, scheduledAt, inviteeUserIds: parsed.inviteeUserIds.filter((id) => people.some((p) => p.id === id)) },
      {
        onSuccess: (c) => setCreated({ id: c.id, notice: t('conferences.created', { date: formatDateTime(c.scheduledAt, i18n.language) }) }),
      },
    );
  });

  return (
    <section>
      <PageHeading>{t('conferences.newTitle')}</PageHeading>
      <form ref={formRef} onSubmit={submit} noValidate>
        <UnsavedChangesDialog blocker={blocker} />
        <FormAlert>{formError}</FormAlert>
        <SelectField
          label={t('conferences.fields.protocol')}
          {...protocol}
          onChange={(protocolId) => {
            // Cases and people depend on the protocol: a new one starts them over.
            protocol.onChange(protocolId);
            form.setValue('caseIds', []);
            form.setValue('inviteeUserIds', []);
          }}
          placeholder={protocols.isPending ? t('common.loading') : t('common.choose')}
          options={(protocols.data?.items ?? [])
            .filter((p) => p.inForce)
            .map((p) => ({ value: p.id, label: p.reference ? `${p.title} (${p.reference})` : p.title }))}
          error={errors['protocolId']}
        />
        <TextField
          label={t('conferences.fields.scheduledAt')}
          hint={t('conferences.fields.scheduledAtHint')}
          type="datetime-local"
          {...field('scheduledAt')}
          error={errors['scheduledAt']}
        />
        {/* A meeting in the past is a late record at best: never without saying so. */}
        {/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(values.scheduledAt) && values.scheduledAt < nowInBrusselsLocal() && (
          <p className="alert alert-warning">{t('screens.pastConference')}</p>
        )}
        <TextField
          label={t('conferences.fields.location')}
          hint={t('conferences.fields.locationHint')}
          maxLength={CONFERENCE_LIMITS.locationMax}
          {...field('location')}
          error={errors['location']}
        />
        {!values.protocolId ? (
          <p className="hint">{t('conferences.chooseProtocolFirst')}</p>
        ) : (
          <>
            <CheckboxGroup
              legend={t('conferences.fields.cases')}
              hint={caseOptions.length === 0 ? t('conferences.noCases') : t('conferences.fields.casesHint')}
              {...asGroup(field('caseIds'))}
              options={caseOptions}
              error={errors['caseIds'] ?? (cases.isError ? t('conferences.casesFailed') : undefined)}
            />
            <CheckboxGroup
              legend={t('conferences.fields.invitees')}
              hint={invitable.isPending ? t('common.loading') : people.length === 0 ? t('conferences.noInvitable') : t('conferences.fields.inviteesHint')}
              {...asGroup(field('inviteeUserIds'))}
              options={people.map((p) => ({ value: p.id, label: p.agencyName ? `${p.displayName} (${p.agencyName})` : p.displayName }))}
              error={errors['inviteeUserIds'] ?? (invitable.isError ? t('conferences.invitableFailed') : undefined)}
            />
          </>
        )}
        <div className="form-actions">
          <SubmitButton pending={create.isPending}>{t('conferences.create')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
