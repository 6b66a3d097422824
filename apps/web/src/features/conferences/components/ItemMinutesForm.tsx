import { DECISION_TYPES, type DecisionType } from '@schakel/domain';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
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

interface DraftDecision {
  type: string;
  rationale: string;
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
  const [minutes, setMinutes] = useState(saved?.minutes ?? '');
  const [present, setPresent] = useState<string[]>(saved?.attendance.filter((a) => a.present).map((a) => a.userId) ?? []);
  const [decisions, setDecisions] = useState<DraftDecision[]>(saved?.decisions.map((d) => ({ type: d.type, rationale: d.rationale })) ?? []);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const options = useMemo(
    () => ({
      fields: ['minutes', 'attendance', ...decisions.flatMap((_, i) => [`decisions.${i}.type`, `decisions.${i}.rationale`])],
      codeFields: CODE_FIELDS,
    }),
    [decisions],
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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (put.isPending) return;
    const next: Record<string, string> = {};
    if (!minutes.trim()) next['minutes'] = t('validation.required');
    decisions.forEach((d, i) => {
      if (!d.type) next[`decisions.${i}.type`] = t('validation.choose');
      if (d.rationale.trim().length < 3) next[`decisions.${i}.rationale`] = t('validation.minLength', { min: 3 });
    });
    setClientErrors(next);
    if (Object.keys(next).length) {
      setFocusRequest((n) => n + 1);
      return;
    }
    put.mutate(
      {
        conferenceId: c.id,
        caseId: item.caseId,
        minutes: minutes.trim(),
        attendance: participants.map((p) => ({ userId: p.userId, present: p.acknowledged && present.includes(p.userId) })),
        decisions: decisions.map((d) => ({ type: d.type as DecisionType, rationale: d.rationale.trim() })),
        ...(saved ? { version: saved.version } : {}),
      },
      {
        onSuccess: () => onDone(t('conferences.mode.saved', { reference: item.reference })),
        onError: (error) => {
          if (isStaleVersion(error)) onStale();
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`} className="panel">
      <h3 id={`${prefix}-title`}>{t('conferences.mode.itemTitle', { position: item.position, reference: item.reference })}</h3>
      {isStaleVersion(put.error) && <p className="alert alert-error">{t('conferences.mode.stale')}</p>}
      {saved?.minutesAt && <p className="hint">{t('conferences.mode.lastSaved', { date: formatDateTime(saved.minutesAt, i18n.language) })}</p>}
      <FormAlert>{formError}</FormAlert>
      <TextAreaField label={t('conferences.mode.minutes')} name={`${prefix}-minutes`} value={minutes} onChange={setMinutes} error={errors['minutes']} rows={6} />
      <CheckboxGroup
        legend={t('conferences.mode.attendance')}
        hint={waiting.length ? t('conferences.mode.notAcknowledged', { names: waiting.map((p) => p.label).join(', ') }) : undefined}
        name={`${prefix}-attendance`}
        values={present}
        onChange={setPresent}
        options={canAttend.map((p) => ({ value: p.userId, label: p.label }))}
        error={errors['attendance']}
      />
      <fieldset>
        <legend>{t('conferences.mode.decisions')}</legend>
        {decisions.length === 0 && <p className="hint">{t('conferences.mode.noDecisions')}</p>}
        {decisions.map((d, i) => (
          <div key={i} className="decision-row">
            <SelectField
              label={t('conferences.mode.decisionType', { n: i + 1 })}
              name={`${prefix}-decisions.${i}.type`}
              value={d.type}
              onChange={(type) => setDecisions((all) => all.map((x, j) => (j === i ? { ...x, type } : x)))}
              placeholder={t('common.choose')}
              options={DECISION_TYPES.map((type) => ({ value: type, label: t(`decisionTypes.${type}`) }))}
              error={errors[`decisions.${i}.type`]}
            />
            <TextAreaField
              label={t('conferences.mode.decisionRationale', { n: i + 1 })}
              name={`${prefix}-decisions.${i}.rationale`}
              value={d.rationale}
              onChange={(rationale) => setDecisions((all) => all.map((x, j) => (j === i ? { ...x, rationale } : x)))}
              error={errors[`decisions.${i}.rationale`]}
            />
            <button type="button" onClick={() => setDecisions((all) => all.filter((_, j) => j !== i))}>
              {t('conferences.mode.removeDecision', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setDecisions((all) => [...all, { type: '', rationale: '' }])}>
          {t('conferences.mode.addDecision')}
        </button>
      </fieldset>
      <div className="form-actions">
        <SubmitButton pending={put.isPending}>{t('conferences.mode.save')}</SubmitButton>
      </div>
    </form>
  );
}
