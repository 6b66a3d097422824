import { CONFERENCE_LIMITS, minutesRequestSchema } from '@schakel/contracts';
import { DECISION_TYPES } from '@schakel/domain';
import { useMemo, useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { asGroup, useZodForm } from '../../../hooks/useZodForm';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { formatDateTime } from '../../../lib/formatDateTime';
import { usePutItemMinutes } from '../api/conferences';
import type { ConferenceDetail, FullAgendaItem } from '../types';

interface ItemMinutesFormProps {
  conference: ConferenceDetail;
  item: FullAgendaItem;
  onDone: (message: string) => void;
  /** 409 STALE_VERSION: the page reads the conference again and rebuilds this form. */
  onStale: () => void;
}

/** What the inputs hold: a decision's type is `''` until one is chosen. */
interface MinutesDraft {
  minutes: string;
  present: string[];
  decisions: { type: string; rationale: string }[];
}

const CODE_FIELDS = { CONFIDENTIALITY_NOT_ACKNOWLEDGED: 'attendance', ATTENDEE_NOT_INVITED: 'attendance' };

/**
 * Conference mode, one agenda item: the minutes, who is present (only those who acknowledged their
 * duty of confidentiality can be), and the decisions taken. Saving sends the version read.
 */
export function ItemMinutesForm({ conference: c, item, onDone, onStale }: ItemMinutesFormProps) {
  const { t, i18n } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const put = usePutItemMinutes();
  const saved = item.minutes;
  const initialValues: MinutesDraft = {
    minutes: saved?.minutes ?? '',
    present: saved?.attendance.filter((a) => a.present).map((a) => a.userId) ?? [],
    decisions: saved?.decisions.map((d) => ({ type: d.type, rationale: d.rationale })) ?? [],
  };
  const { form, field, errors: clientErrors, onSubmit, focusRequest } = useZodForm(minutesRequestSchema, initialValues, { nested: true });
  const decisions = useFieldArray({ control: form.control, name: 'decisions' });
  const count = decisions.fields.length;
  const options = useMemo(
    () => ({
      fields: ['minutes', 'attendance', 'present', ...Array.from({ length: count }, (_, i) => [`decisions.${i}.type`, `decisions.${i}.rationale`]).flat()],
      codeFields: CODE_FIELDS,
    }),
    [count],
  );
  const { errors, formError } = useFormErrors(clientErrors, isStaleVersion(put.error) ? null : put.error, options);
  useFocusFirstInvalidOn(formRef, [focusRequest, put.error]);

  const participants = [
    { userId: c.chair.userId, label: `${c.chair.name ?? t('conferences.unknownPerson')} (${t('conferences.roles.CHAIR')})`, acknowledged: true },
    ...c.invitees.map((i) => ({
      userId: i.userId,
      label: `${i.name ?? t('conferences.unknownPerson')}${i.agency ? ` (${i.agency})` : ''}`,
      acknowledged: i.acknowledgedAt !== null,
    })),
  ];
  const canAttend = participants.filter((p) => p.acknowledged);
  const waiting = participants.filter((p) => !p.acknowledged);
  const prefix = `item-${item.position}`;

  const submit = onSubmit((parsed) => {
    if (put.isPending) return;
    put.mutate(
      {
        conferenceId: c.id,
        caseId: item.caseId,
        minutes: parsed.minutes,
        attendance: participants.map((p) => ({ userId: p.userId, present: p.acknowledged && parsed.present.includes(p.userId) })),
        decisions: parsed.decisions,
        ...(saved ? { version: saved.version } : {}),
      },
      {
        onSuccess: () => onDone(t('conferences.mode.saved', { reference: item.reference })),
        onError: (error) => {
          if (isStaleVersion(error)) onStale();
        },
      },
    );
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`} className="panel">
      <h3 id={`${prefix}-title`}>{t('conferences.mode.itemTitle', { position: item.position, reference: item.reference })}</h3>
      {isStaleVersion(put.error) && <p className="alert alert-error">{t('conferences.mode.stale')}</p>}
      {saved?.minutesAt && <p className="hint">{t('conferences.mode.lastSaved', { date: formatDateTime(saved.minutesAt, i18n.language) })}</p>}
      <FormAlert>{formError}</FormAlert>
      <TextAreaField
        label={t('conferences.mode.minutes')}
        {...field('minutes')}
        name={`${prefix}-minutes`}
        error={errors['minutes']}
        rows={6}
        limit={CONFERENCE_LIMITS.minutesMax}
      />
      <CheckboxGroup
        legend={t('conferences.mode.attendance')}
        hint={waiting.length ? t('conferences.mode.notAcknowledged', { names: waiting.map((p) => p.label).join(', ') }) : undefined}
        {...asGroup(field('present'))}
        name={`${prefix}-attendance`}
        options={canAttend.map((p) => ({ value: p.userId, label: p.label }))}
        error={errors['attendance'] ?? errors['present']}
      />
      <fieldset>
        <legend>{t('conferences.mode.decisions')}</legend>
        {count === 0 && <p className="hint">{t('conferences.mode.noDecisions')}</p>}
        {decisions.fields.map((row, i) => (
          <div key={row.id} className="decision-row">
            <SelectField
              label={t('conferences.mode.decisionType', { n: i + 1 })}
              {...field(`decisions.${i}.type`)}
              name={`${prefix}-decisions.${i}.type`}
              placeholder={t('common.choose')}
              options={DECISION_TYPES.map((type) => ({ value: type, label: t(`decisionTypes.${type}`) }))}
              error={errors[`decisions.${i}.type`]}
            />
            <TextAreaField
              label={t('conferences.mode.decisionRationale', { n: i + 1 })}
              {...field(`decisions.${i}.rationale`)}
              name={`${prefix}-decisions.${i}.rationale`}
              error={errors[`decisions.${i}.rationale`]}
            />
            <button type="button" onClick={() => decisions.remove(i)}>
              {t('conferences.mode.removeDecision', { n: i + 1 })}
            </button>
          </div>
        ))}
        {count < CONFERENCE_LIMITS.decisionsMax && (
          <button type="button" onClick={() => decisions.append({ type: '', rationale: '' }, { shouldFocus: false })}>
            {t('conferences.mode.addDecision')}
          </button>
        )}
      </fieldset>
      <div className="form-actions">
        <SubmitButton pending={put.isPending}>{t('conferences.mode.save')}</SubmitButton>
      </div>
    </form>
  );
}
