import type { LegalBasis } from '@schakel/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { RadioGroup } from '../../../components/RadioGroup';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { errorMessage } from '../../../lib/errorMessage';
import { useDisclosePerson, useRequestPersonData, type DataRequest, type PersonDataCategory } from '../api/persons';
import type { CaseDetail, Person } from '../types';

interface PersonDataDialogProps {
  caseData: CaseDetail;
  person: Person;
  /** Set when a file holder answers a partner's request; absent when a partner asks. */
  request?: DataRequest;
  onClose: () => void;
  onDone: (message: string) => void;
}

const CATEGORY_FIELDS: Record<PersonDataCategory, string[]> = { IDENTIFICATION: ['birthDate', 'nationalNumber'], CONTACT: ['address', 'phone', 'email'] };
const BASES: LegalBasis[] = ['ART_458TER', 'CONSENT', 'ART_458BIS', 'ART_422BIS', 'LEGAL_OBLIGATION'];

/**
 * The share dialog for a person's details. A partner asks the agencies that hold the file for the
 * identification or contact details it needs and says why; the holder answers by disclosing them
 * under a legal basis, which goes into the sharing log. A confidential address is never offered.
 */
export function PersonDataDialog({ caseData, person, request, onClose, onDone }: PersonDataDialogProps) {
  const { t } = useTranslation();
  const ask = useRequestPersonData();
  const disclose = useDisclosePerson();
  const requestable = (Object.keys(CATEGORY_FIELDS) as PersonDataCategory[]).filter((c) =>
    request ? request.categories.includes(c) : CATEGORY_FIELDS[c].some((f) => person.withheldReasons[f as never] === 'NEED_TO_KNOW'),
  );
  const [categories, setCategories] = useState<string[]>(
    request ? request.categories.filter((c) => !(c === 'CONTACT' && person.confidentialAddress)) : requestable,
  );
  const [text, setText] = useState('');
  const [legalBasis, setLegalBasis] = useState<string>('ART_458TER');
  const mutation = request ? disclose : ask;
  const name = `${person.firstName} ${person.lastName}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const chosen = categories as PersonDataCategory[];
    if (request) {
      disclose.mutate(
        {
          caseId: caseData.id,
          personId: person.id,
          toAgencyIds: [request.agencyId],
          categories: chosen,
          legalBasis: legalBasis as LegalBasis,
          justification: text.trim(),
          requestId: request.id,
        },
        { onSuccess: () => onDone(t('privacy.shared', { name })) },
      );
    } else {
      ask.mutate(
        { caseId: caseData.id, personId: person.id, categories: chosen, reason: text.trim() },
        { onSuccess: () => onDone(t('privacy.requested', { name })) },
      );
    }
  };

  return (
    <Dialog title={request ? t('privacy.shareTitle', { name }) : t('privacy.requestTitle', { name })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <FormAlert>{mutation.error ? errorMessage(mutation.error, t) : null}</FormAlert>
        <p>
          {request ? t('privacy.shareIntro', { agency: caseData.agencies.find((a) => a.id === request.agencyId)?.name ?? '—' }) : t('privacy.requestIntro')}
        </p>
        {person.confidentialAddress && <p className="hint">{t('privacy.confidentialNever')}</p>}
        <CheckboxGroup
          legend={t('privacy.categories')}
          name="categories"
          values={categories}
          onChange={setCategories}
          options={requestable.map((c) => ({
            value: c,
            label: `${t(`dataCategories.${c}`)} (${CATEGORY_FIELDS[c].map((f) => t(`privacy.fields.${f}` as never)).join(', ')})`,
          }))}
        />
        {request && (
          <RadioGroup
            legend={t('privacy.legalBasis')}
            name="legalBasis"
            value={legalBasis}
            onChange={setLegalBasis}
            options={BASES.map((b) => ({ value: b, label: t(`legalBases.${b}`) }))}
          />
        )}
        <TextAreaField
          label={request ? t('privacy.justification') : t('privacy.reason')}
          name="text"
          value={text}
          onChange={setText}
          hint={t('privacy.reasonHint')}
        />
        <div className="form-actions">
          <SubmitButton pending={mutation.isPending}>{request ? t('privacy.share') : t('privacy.sendRequest')}</SubmitButton>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
