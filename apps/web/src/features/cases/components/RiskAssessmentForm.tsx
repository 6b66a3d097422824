import { CASEWORK_LIMITS, riskAssessmentRequestSchema } from '@schakel/contracts';
import {
  RISK_LEVELS,
  perChildKey,
  type RiskAnswer,
  type RiskAnswerSource,
  type RiskAnswerValue,
  type RiskInstrument,
  type RiskInstrumentItem,
  type RiskLevel,
  type ViolencePattern,
} from '@schakel/domain';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { RadioGroup } from '../../../components/RadioGroup';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useZodForm } from '../../../hooks/useZodForm';
import { useCreateRiskAssessment, type RiskAssessment } from '../api/risk';
import { localised } from '../localised';
import { answerValueKey } from '../riskLabels';
import type { Person } from '../types';

interface RiskAssessmentFormProps {
  caseId: string;
  instrument: RiskInstrument;
  person: Person;
  childPersons: Person[];
  /** The result goes to the page, which shows its indicators and prompts. */
  onDone: (assessment: RiskAssessment) => void;
}

interface DraftAnswer {
  value: RiskAnswerValue | '';
  source: RiskAnswerSource | '';
  note: string;
}
const EMPTY_ANSWER: DraftAnswer = { value: '', source: '', note: '' };
const EMPTY = { level: '', levelRationale: '', violencePattern: '' };

/**
 * Weging for one person: each item of the instrument answered yes/no/unknown/n.a. (with an optional
 * source and note), the Kindreflex per child, the violence-pattern hypothesis and the assessor's own
 * level and rationale. There is no score: the level is the professional's judgement.
 */
export function RiskAssessmentForm({ caseId, instrument, person, childPersons, onDone }: RiskAssessmentFormProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateRiskAssessment();
  // The level and its reasons are the form's; the answers follow the instrument's items (fixed choices the API checks).
  const { form, field, errors: clientErrors, onSubmit, focusRequest } = useZodForm(riskAssessmentRequestSchema, EMPTY);
  const [answers, setAnswers] = useState<Record<string, DraftAnswer>>({});

  // Every answer key of this person's form: the item keys, and `<item>:<childId>` for per-child sections.
  const rows = useMemo(
    () =>
      instrument.sections.flatMap((section) =>
        section.perChild
          ? childPersons.map((child) => ({ section, child, items: section.items.map((item) => ({ item, key: perChildKey(item.key, child.id) })) }))
          : [{ section, child: null as Person | null, items: section.items.map((item) => ({ item, key: item.key })) }],
      ),
    [instrument, childPersons],
  );
  const fields = useMemo(
    () => [
      'level',
      'levelRationale',
      'violencePattern',
      'personId',
      ...rows.flatMap((r) => r.items.flatMap(({ key }) => [`answers.${key}`, `answers.${key}.source`, `answers.${key}.note`])),
    ],
    [rows],
  );
  const formOptions = useMemo(() => ({ fields, codeFields: { LEVEL_RATIONALE_REQUIRED: 'levelRationale' } }), [fields]);
  const { errors, formError } = useFormErrors(clientErrors, create.error, formOptions);
  useFocusFirstInvalidOn(formRef, [focusRequest, create.error]);

  const setAnswer = (key: string, patch: Partial<DraftAnswer>) => setAnswers((a) => ({ ...a, [key]: { ...(a[key] ?? EMPTY_ANSWER), ...patch } }));

  const submit = onSubmit((parsed) => {
    if (create.isPending) return;
    const body: Record<string, RiskAnswer> = {};
    for (const [key, a] of Object.entries(answers)) {
      if (!a.value) continue;
      body[key] = { value: a.value, ...(a.source ? { source: a.source } : {}), ...(a.note.trim() ? { note: a.note.trim() } : {}) };
    }
    create.mutate(
      {
        caseId,
        instrument: instrument.key,
        version: instrument.version,
        personId: person.id,
        answers: body,
        level: parsed.level as RiskLevel,
        ...(parsed.levelRationale ? { levelRationale: parsed.levelRationale } : {}),
        ...(parsed.violencePattern ? { violencePattern: parsed.violencePattern as ViolencePattern } : {}),
      },
      {
        onSuccess: (assessment) => {
          form.reset(EMPTY);
          setAnswers({});
          onDone(assessment);
        },
      },
    );
  });

  const answerOptions = instrument.answerValues.map((v) => ({ value: v, label: t(`risk.answerValues.${answerValueKey(v)}`) }));
  const sourceOptions = instrument.answerSources.map((s) => ({ value: s, label: t(`risk.sources.${s}`) }));

  const itemFields = (item: RiskInstrumentItem, key: string, label: string) => {
    const a = answers[key] ?? EMPTY_ANSWER;
    return (
      <div key={key} className="risk-item">
        <RadioGroup
          legend={label}
          hint={item.help ? localised(item.help, lang) : undefined}
          name={`answers.${key}`}
          value={a.value}
          onChange={(value) => setAnswer(key, { value: value as RiskAnswerValue })}
          options={answerOptions}
          error={errors[`answers.${key}`]}
        />
        {a.value && (
          <div className="risk-item-extra">
            <SelectField
              label={t('risk.form.source', { item: label })}
              name={`answers.${key}.source`}
              value={a.source}
              onChange={(source) => setAnswer(key, { source: source as RiskAnswerSource })}
              placeholder={t('risk.form.noSource')}
              options={sourceOptions}
              error={errors[`answers.${key}.source`]}
            />
            <TextField
              label={t('risk.form.note', { item: label })}
              name={`answers.${key}.note`}
              value={a.note}
              onChange={(note) => setAnswer(key, { note })}
              maxLength={2000}
              error={errors[`answers.${key}.note`]}
            />
          </div>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="risk-form-title">
      <h2 id="risk-form-title">{t('risk.form.title', { person: `${person.firstName} ${person.lastName}` })}</h2>
      <p className="hint">{localised(instrument.disclaimer, lang)}</p>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormAlert>{formError}</FormAlert>
        {rows.map(({ section, child, items }) => (
          <fieldset key={child ? `${section.key}:${child.id}` : section.key} className="risk-section">
            <legend>
              {child
                ? t('risk.form.perChild', { section: localised(section.title, lang), child: `${child.firstName} ${child.lastName}` })
                : localised(section.title, lang)}
            </legend>
            {items.map(({ item, key }) => itemFields(item, key, localised(item.label, lang)))}
          </fieldset>
        ))}
        {rows.length > 0 && instrument.sections.some((s) => s.perChild) && childPersons.length === 0 && <p className="hint">{t('risk.form.noChildren')}</p>}
        {instrument.violencePatterns.length > 0 && (
          <RadioGroup
            legend={t('risk.form.violencePattern')}
            hint={t('risk.form.violencePatternHint')}
            {...field('violencePattern')}
            options={instrument.violencePatterns.map((p) => ({ value: p.value, label: localised(p.label, lang) }))}
            error={errors['violencePattern']}
          />
        )}
        <RadioGroup
          legend={t('risk.form.level')}
          hint={t('risk.form.levelHint')}
          {...field('level')}
          options={RISK_LEVELS.map((l) => ({ value: l, label: t(`riskLevels.${l}`) }))}
          error={errors['level']}
        />
        <TextAreaField
          label={t('risk.form.rationale')}
          hint={t('risk.form.rationaleHint')}
          limit={CASEWORK_LIMITS.riskRationaleMax}
          {...field('levelRationale')}
          error={errors['levelRationale']}
        />
        <div className="form-actions">
          <SubmitButton pending={create.isPending}>{t('risk.form.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
