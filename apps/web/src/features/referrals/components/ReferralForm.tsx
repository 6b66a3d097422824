import { REFERRAL_LIMITS, referralRequestSchema } from '@schakel/contracts';
import { RED_FLAGS, todayInBrussels, VIOLENCE_FORMS } from '@schakel/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/CheckboxField';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { UnsavedChangesDialog } from '../../../components/UnsavedChangesDialog';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useSessionDraft } from '../../../hooks/useSessionDraft';
import { useUnsavedChangesGuard } from '../../../hooks/useUnsavedChangesGuard';
import { asCheckbox, asGroup, useZodForm } from '../../../hooks/useZodForm';
import { useMe } from '../../me/hooks/useMe';
import type { Language } from '../../../i18n';
import { useApprovedProtocols } from '../api/protocols';
import { useCreateReferral, type ReferralResult } from '../api/referrals';
import { PersonFields, type PersonFieldBinder, type PersonRow } from './PersonFields';

interface ReferralFormProps {
  onDone: (result: ReferralResult) => void;
}

let nextKey = 1;
const newPerson = (role = ''): PersonRow => ({ key: nextKey++, role, firstName: '', lastName: '', birthDate: '', nationalNumber: '', address: '' });

const PERSON_FIELDS = ['role', 'firstName', 'lastName', 'birthDate', 'nationalNumber', 'address'] as const;

const emptyReferral = () => ({
  protocolId: '',
  summary: '',
  incident: { date: '', types: [] as string[], policeReference: '' },
  persons: [newPerson('VICTIM')],
  redFlags: [] as string[],
  informed: false,
  consentGiven: false,
  urgent: false,
  dangerStatement: '',
});
type ReferralValues = ReturnType<typeof emptyReferral>;

/** Anything the officer typed or ticked (the protocol alone, chosen for them, is not input). */
function hasInput(v: ReferralValues): boolean {
  return Boolean(
    v.summary ||
    v.incident.date ||
    v.incident.types.length ||
    v.incident.policeReference ||
    v.redFlags.length ||
    v.informed ||
    v.consentGiven ||
    v.persons.length > 1 ||
    v.persons.some((p) => p.firstName || p.lastName || p.birthDate || p.nationalNumber || p.address),
  );
}

/** Prefix of the drafts in sessionStorage; signing out removes them. */
export const REFERRAL_DRAFT_PREFIX = 'schakel.draft.referral.';

/**
 * The referral (aanmelding) by a police officer: the protocol it falls under, what happened, the
 * persons, the red flags seen, and whether the persons were informed and consented. Validated as
 * the officer types; the API's field errors land on the same fields.
 */
export function ReferralForm({ onDone }: ReferralFormProps) {
  const { t, i18n } = useTranslation();
  const protocols = useApprovedProtocols();
  const create = useCreateReferral();
  const formRef = useRef<HTMLFormElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [focusPerson, setFocusPerson] = useState<number | null>(null);
  const { data: me } = useMe();
  const [initialDraft] = useState(() => readDraft(me?.id));
  const [initialValues] = useState<ReferralValues>(() => {
    if (initialDraft) nextKey = Math.max(nextKey, ...initialDraft.persons.map((p) => p.key + 1));
    return initialDraft ?? emptyReferral();
  });
  const { form, values, field, errors: clientErrors, onSubmit, focusRequest } = useZodForm(referralRequestSchema, initialValues, { nested: true });
  const persons = useFieldArray({ control: form.control, name: 'persons' });
  const dirty = hasInput(values) && !create.isSuccess;
  const draft = useSessionDraft(`${REFERRAL_DRAFT_PREFIX}${me?.id ?? 'anonymous'}`, values, dirty);
  const [restoredNotice, setRestoredNotice] = useState(initialDraft !== null);
  const blocker = useUnsavedChangesGuard(dirty);
  const fields = useMemo(
    () => [
      'protocolId',
      'summary',
      'incident.date',
      'incident.types',
      'incident.policeReference',
      'persons',
      ...values.persons.flatMap((_, i) => [`persons.${i}`, ...PERSON_FIELDS.map((f) => `persons.${i}.${f}`)]),
      'redFlags',
      'informed',
      'consentGiven',
      'urgent',
      'dangerStatement',
    ],
    [values.persons],
  );
  const { errors, formError } = useFormErrors(clientErrors, create.error, { fields });
  useFocusFirstInvalidOn(formRef, [focusRequest, create.error]);

  const inForce = useMemo(() => (protocols.data?.items ?? []).filter((p) => p.inForce), [protocols.data]);
  // With one protocol in force there is nothing to choose.
  useEffect(() => {
    // Synchronises with server data (the protocols in force) once it arrives.
    if (inForce.length === 1 && !values.protocolId) form.setValue('protocolId', inForce[0]!.id);
  }, [inForce, values.protocolId, form]);

  // Keyboard users land in the row they just added.
  useEffect(() => {
    if (focusPerson === null) return;
    formRef.current?.querySelector<HTMLElement>(`[data-person="${focusPerson}"] select`)?.focus();
    // Done with the DOM focus request: clearing it is the effect's own bookkeeping.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFocusPerson(null);
  }, [focusPerson]);

  const lang = (i18n.resolvedLanguage ?? 'nl') as Language;

  const submit = onSubmit((parsed) => {
    if (create.isPending) return;
    create.mutate(parsed, {
      onSuccess: (result) => {
        draft.clear();
        onDone(result);
      },
    });
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <UnsavedChangesDialog blocker={blocker} draftKept />
      {restoredNotice && (
        <div className="alert alert-info">
          <p>{t('screens.draft.restored')}</p>
          <button
            type="button"
            onClick={() => {
              draft.clear();
              form.reset(emptyReferral());
              setRestoredNotice(false);
            }}
          >
            {t('screens.draft.discard')}
          </button>
        </div>
      )}
      <FormAlert>{formError}</FormAlert>
      {protocols.data && inForce.length === 0 && <p className="alert alert-warning">{t('referral.noProtocol')}</p>}
      <SelectField
        label={t('referral.protocol')}
        hint={t('referral.protocolHint')}
        required
        {...field('protocolId')}
        placeholder={protocols.isPending ? t('common.loading') : t('common.choose')}
        options={inForce.map((p) => ({ value: p.id, label: p.reference ? `${p.title} (${p.reference})` : p.title }))}
        error={errors['protocolId'] ?? (protocols.isError ? t('referral.protocolsFailed') : undefined)}
      />

      <h2>{t('referral.incident.title')}</h2>
      <TextAreaField
        label={t('referral.summary')}
        hint={t('referral.summaryHint')}
        required
        rows={5}
        limit={REFERRAL_LIMITS.summaryMax}
        {...field('summary')}
        error={errors['summary']}
      />
      <TextField label={t('referral.incident.date')} type="date" required max={todayInBrussels()} {...field('incident.date')} error={errors['incident.date']} />
      <CheckboxGroup
        legend={t('referral.incident.types')}
        hint={t('referral.incident.typesHint')}
        {...asGroup(field('incident.types'))}
        options={VIOLENCE_FORMS.map((v) => ({ value: v, label: t(`violenceForms.${v}`) }))}
        error={errors['incident.types']}
      />
      <TextField
        label={t('referral.incident.policeReference')}
        hint={t('referral.incident.policeReferenceHint')}
        autoComplete="off"
        {...field('incident.policeReference')}
        error={errors['incident.policeReference']}
      />

      <h2>{t('referral.persons.title')}</h2>
      <p className="hint">{t('referral.persons.hint')}</p>
      {errors['persons'] && <p className="field-error">{errors['persons']}</p>}
      {persons.fields.map((row, index) => (
        <PersonFields
          key={row.id}
          index={index}
          rowKey={row.key}
          field={((name: keyof PersonRow) => field(`persons.${index}.${name}`)) as PersonFieldBinder}
          errors={errors}
          onRemove={
            persons.fields.length > 1
              ? () => {
                  persons.remove(index);
                  addButtonRef.current?.focus();
                }
              : undefined
          }
        />
      ))}
      <p>
        <button
          ref={addButtonRef}
          type="button"
          onClick={() => {
            const added = newPerson();
            persons.append(added, { shouldFocus: false });
            setFocusPerson(added.key);
          }}
        >
          {t('referral.persons.add')}
        </button>
      </p>

      <h2>{t('referral.redFlags.title')}</h2>
      <CheckboxGroup
        legend={t('referral.redFlags.legend')}
        hint={t('referral.redFlags.hint')}
        {...asGroup(field('redFlags'))}
        options={RED_FLAGS.map((f) => ({ value: f.code, label: f.label[lang] }))}
        error={errors['redFlags']}
      />

      <h2>{t('referral.consent.title')}</h2>
      <CheckboxField
        label={t('referral.consent.informed')}
        hint={t('referral.consent.informedHint')}
        {...asCheckbox(field('informed'))}
        error={errors['informed']}
      />
      <CheckboxField
        label={t('referral.consent.consentGiven')}
        hint={t('referral.consent.consentGivenHint')}
        {...asCheckbox(field('consentGiven'))}
        error={errors['consentGiven']}
      />
      <h2>{t('casework.urgent.label')}</h2>
      <CheckboxField label={t('casework.urgent.checkbox')} hint={t('casework.urgent.checkboxHint')} {...asCheckbox(field('urgent'))} error={errors['urgent']} />
      {values.urgent && (
        <TextAreaField
          label={t('casework.urgent.dangerStatement')}
          hint={t('casework.urgent.statementHint')}
          limit={REFERRAL_LIMITS.dangerStatementMax}
          {...field('dangerStatement')}
          error={errors['dangerStatement']}
        />
      )}
      <div className="form-actions">
        <SubmitButton pending={create.isPending}>{t('referral.submit')}</SubmitButton>
      </div>
    </form>
  );
}

/** The referral this user left half-filled in this tab, if any. */
function readDraft(userId: string | undefined): ReferralValues | null {
  if (!userId) return null;
  try {
    const raw = sessionStorage.getItem(`${REFERRAL_DRAFT_PREFIX}${userId}`);
    const parsed = raw ? (JSON.parse(raw) as ReferralValues) : null;
    return parsed && Array.isArray(parsed.persons) && parsed.incident ? parsed : null;
  } catch {
    return null;
  }
}
