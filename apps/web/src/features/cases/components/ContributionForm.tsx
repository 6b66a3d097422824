import { DATA_CATEGORIES } from '@schakel/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useLiveValidation } from '../../../hooks/useLiveValidation';
import { contributionInputSchema, useCreateContribution } from '../api/contributions';

interface ContributionFormProps {
  caseId: string;
  onDone: (message: string) => void;
}

const OPTIONS = { fields: ['category', 'content'] as const };
const EMPTY = { category: '', content: '' };

/** What the user's agency knows about the family. It stays within the agency until it is shared. */
export function ContributionForm({ caseId, onDone }: ContributionFormProps) {
  const { t } = useTranslation();
  const create = useCreateContribution();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const live = useLiveValidation(contributionInputSchema, values);
  const { errors, formError } = useFormErrors(live.errors, create.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [live.focusRequest, create.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = live.validate();
    if (!parsed) return;
    create.mutate(
      { caseId, ...parsed },
      {
        onSuccess: () => {
          setValues(EMPTY);
          live.reset();
          onDone(t('contributions.added'));
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={submit} onBlur={live.onBlur} noValidate aria-labelledby="contribution-form-title">
      <h2 id="contribution-form-title">{t('contributions.addTitle')}</h2>
      <p className="hint">{t('contributions.addHint')}</p>
      <FormAlert>{formError}</FormAlert>
      <SelectField
        label={t('contributions.category')}
        name="category"
        value={values.category}
        onChange={(category) => setValues((v) => ({ ...v, category }))}
        placeholder={t('common.choose')}
        options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`dataCategories.${c}`) }))}
        error={errors['category']}
      />
      <TextAreaField
        label={t('contributions.content')}
        name="content"
        rows={6}
        value={values.content}
        onChange={(content) => setValues((v) => ({ ...v, content }))}
        error={errors['content']}
      />
      <SubmitButton pending={create.isPending}>{t('contributions.add')}</SubmitButton>
    </form>
  );
}
