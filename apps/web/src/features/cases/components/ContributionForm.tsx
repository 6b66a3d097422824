import { CASEWORK_LIMITS, contributionRequestSchema } from '@schakel/contracts';
import { DATA_CATEGORIES } from '@schakel/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useZodForm } from '../../../hooks/useZodForm';
import { useCreateContribution } from '../api/contributions';

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
  const { form, field, errors: clientErrors, onSubmit, focusRequest } = useZodForm(contributionRequestSchema, EMPTY);
  const { errors, formError } = useFormErrors(clientErrors, create.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, create.error]);

  const submit = onSubmit((parsed) => {
    if (create.isPending) return;
    create.mutate(
      { caseId, ...parsed },
      {
        onSuccess: () => {
          form.reset(EMPTY);
          onDone(t('contributions.added'));
        },
      },
    );
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="contribution-form-title">
      <h2 id="contribution-form-title">{t('contributions.addTitle')}</h2>
      <p className="hint">{t('contributions.addHint')}</p>
      <FormAlert>{formError}</FormAlert>
      <SelectField
        label={t('contributions.category')}
        {...field('category')}
        placeholder={t('common.choose')}
        options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`dataCategories.${c}`) }))}
        error={errors['category']}
      />
      <TextAreaField
        label={t('contributions.content')}
        rows={6}
        limit={CASEWORK_LIMITS.contributionContentMax}
        {...field('content')}
        error={errors['content']}
      />
      <SubmitButton pending={create.isPending}>{t('contributions.add')}</SubmitButton>
    </form>
  );
}
