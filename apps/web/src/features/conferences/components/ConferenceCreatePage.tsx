import { useRef, useState, type FormEvent } from 'react';
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
import { useLiveValidation } from '../../../hooks/useLiveValidation';
import { brusselsLocalToIso } from '../../../lib/brusselsTime';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useMyCases } from '../api/cases';
import { conferenceInputSchema, useCreateConference, useInvitable } from '../api/conferences';
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
  const [values, setValues] = useState(EMPTY);
  const protocols = useApprovedProtocols();
  const cases = useMyCases();
  const invitable = useInvitable(values.protocolId, values.caseIds);
  const create = useCreateConference();
  const live = useLiveValidation(conferenceInputSchema, values);
  const { errors, formError } = useFormErrors(live.errors, create.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [live.focusRequest, create.error]);

  const caseOptions = (cases.data?.items ?? [])
    .filter((c) => !c.limited && c.protocolId === values.protocolId && c.stage !== 'AFGESLOTEN')
    .map((c) => ({ value: c.id, label: `${c.reference} — ${t(`stages.${c.stage}`)}` }));
  const people = invitable.data?.items ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = live.validate();
    if (!parsed) return;
    const scheduledAt = brusselsLocalToIso(parsed.scheduledAt);
    if (!scheduledAt) return;
    create.mutate(
      { ...parsed, scheduledAt, inviteeUserIds: parsed.inviteeUserIds.filter((id) => people.some((p) => p.id === id)) },
      {
        onSuccess: (c) =>
          void navigate(`/conferences/${c.id}`, {
            state: { notice: t('conferences.created', { date: formatDateTime(c.scheduledAt, i18n.language) }) },
          }),
      },
    );
  };

  return (
    <section>
      <PageHeading>{t('conferences.newTitle')}</PageHeading>
      <form ref={formRef} onSubmit={submit} onBlur={live.onBlur} noValidate>
        <FormAlert>{formError}</FormAlert>
        <SelectField
          label={t('conferences.fields.protocol')}
          name="protocolId"
          value={values.protocolId}
          onChange={(protocolId) => setValues((v) => ({ ...v, protocolId, caseIds: [], inviteeUserIds: [] }))}
          placeholder={protocols.isPending ? t('common.loading') : t('common.choose')}
          options={(protocols.data?.items ?? [])
            .filter((p) => p.inForce)
            .map((p) => ({ value: p.id, label: p.reference ? `${p.title} (${p.reference})` : p.title }))}
          error={errors['protocolId']}
        />
        <TextField
          label={t('conferences.fields.scheduledAt')}
          hint={t('conferences.fields.scheduledAtHint')}
          name="scheduledAt"
          type="datetime-local"
          value={values.scheduledAt}
          onChange={(scheduledAt) => setValues((v) => ({ ...v, scheduledAt }))}
          error={errors['scheduledAt']}
        />
        <TextField
          label={t('conferences.fields.location')}
          hint={t('conferences.fields.locationHint')}
          name="location"
          value={values.location}
          onChange={(location) => setValues((v) => ({ ...v, location }))}
          error={errors['location']}
        />
        {!values.protocolId ? (
          <p className="hint">{t('conferences.chooseProtocolFirst')}</p>
        ) : (
          <>
            <CheckboxGroup
              legend={t('conferences.fields.cases')}
              hint={caseOptions.length === 0 ? t('conferences.noCases') : t('conferences.fields.casesHint')}
              name="caseIds"
              values={values.caseIds}
              onChange={(caseIds) => setValues((v) => ({ ...v, caseIds }))}
              options={caseOptions}
              error={errors['caseIds'] ?? (cases.isError ? t('conferences.casesFailed') : undefined)}
            />
            <CheckboxGroup
              legend={t('conferences.fields.invitees')}
              hint={invitable.isPending ? t('common.loading') : people.length === 0 ? t('conferences.noInvitable') : t('conferences.fields.inviteesHint')}
              name="inviteeUserIds"
              values={values.inviteeUserIds}
              onChange={(inviteeUserIds) => setValues((v) => ({ ...v, inviteeUserIds }))}
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
