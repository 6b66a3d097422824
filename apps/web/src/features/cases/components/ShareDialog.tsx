import { CASEWORK_LIMITS, disclosureRequestSchema } from '@schakel/contracts';
import { type LegalBasis } from '@schakel/domain';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { LoadingState } from '../../../components/LoadingState';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { RadioGroup, type RadioOption } from '../../../components/RadioGroup';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { asGroup, useZodForm } from '../../../hooks/useZodForm';
import { errorMessage } from '../../../lib/errorMessage';
import { formatDateTime } from '../../../lib/formatDateTime';
import { isApiError } from '../../../lib/isApiError';
import { useConsents } from '../api/consents';
import { refusalsOf, useDisclose, useLegalBases } from '../api/sharing';
import { explainRefusal } from '../explainRefusal';
import type { CaseDetail, Contribution, LegalBasisOption, Refusal } from '../types';

interface ShareDialogProps {
  caseData: CaseDetail;
  contribution: Contribution;
  myAgencyId: string;
  canReadConsents: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

const FIELDS = ['toAgencyIds', 'legalBasis', 'consentId', 'justification', 'personId', 'dangerStatement', 'provision'] as const;
const isRefused = (error: unknown) => isApiError(error, 422);
const FORM_ERROR_OPTIONS = { fields: FIELDS, handled: isRefused };
const EMPTY = {
  toAgencyIds: [] as string[],
  legalBasis: '',
  consentId: '',
  justification: '',
  personId: '',
  dangerStatement: '',
  provision: '',
  // What the chosen basis asks for, from the legal-bases answer (not typed by the user).
  requiresJustification: false,
  requiresPerson: false,
  requiresDangerStatement: false,
  requiresProvision: false,
};

/**
 * What stands in the way of a legal basis, as far as the person sharing can still act on it here:
 * a basis other than consent always needs a justification (written below, not a blocker), and the
 * consent basis needs a consent chosen below when there is one to choose.
 */
function blockers(option: LegalBasisOption): Refusal[] {
  if (option.legalBasis === 'CONSENT' && (option.consentIds?.length ?? 0) > 0) return [];
  return option.reasons.filter((r) => !(option.requiresJustification && r.code === 'JUSTIFICATION_REQUIRED'));
}

/**
 * Shares one of the agency's own contributions with other agencies of the case: pick the
 * receiving agencies, see which legal bases are open for them (and why the others are not), then
 * the consent or the written justification the basis needs. Every disclosure goes into the
 * hash-chained sharing log.
 */
export function ShareDialog({ caseData, contribution, myAgencyId, canReadConsents, onClose, onDone }: ShareDialogProps) {
  const { t, i18n } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, values, field, errors: clientErrors, onSubmit, focusRequest } = useZodForm(disclosureRequestSchema, EMPTY);
  const disclose = useDisclose();
  const consents = useConsents(caseData.id, canReadConsents);
  // Asked without a consent: the answer lists every consent in force that covers these recipients.
  const bases = useLegalBases(caseData.id, contribution.id, values.toAgencyIds);
  const chosen = bases.data?.items.find((o) => o.legalBasis === values.legalBasis);
  const requiresJustification = chosen?.requiresJustification ?? false;
  const requiresPerson = chosen?.requiresPerson ?? false;
  const requiresDangerStatement = chosen?.requiresDangerStatement ?? false;
  const requiresProvision = chosen?.requiresProvision ?? false;
  const asks = { requiresPerson, requiresDangerStatement, requiresProvision };
  // The schema checks the fields the chosen basis asks for: the form follows the legal-bases answer.
  useEffect(() => {
    form.setValue('requiresJustification', requiresJustification);
    form.setValue('requiresPerson', requiresPerson);
    form.setValue('requiresDangerStatement', requiresDangerStatement);
    form.setValue('requiresProvision', requiresProvision);
  }, [form, requiresJustification, requiresPerson, requiresDangerStatement, requiresProvision]);
  const { errors, formError } = useFormErrors(clientErrors, disclose.error, FORM_ERROR_OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, disclose.error]);

  const agencyName = (id: string) => caseData.agencies.find((a) => a.id === id)?.name ?? t('common.unknownAgency');
  const personName = (id: string) => {
    const p = caseData.persons.find((x) => x.id === id);
    return p ? `${p.firstName} ${p.lastName} (${t(`personRoles.${p.role}`)})` : t('case.unknownPerson');
  };
  const recipients = caseData.agencies.filter((a) => a.id !== myAgencyId);
  const given = useMemo(() => (consents.data?.items ?? []).filter((c) => c.status === 'GIVEN' && !c.withdrawnAt), [consents.data]);
  const consentOption = bases.data?.items.find((o) => o.legalBasis === 'CONSENT');
  const covering = useMemo(() => {
    const ids = new Set(consentOption?.consentIds ?? []);
    return given.filter((c) => ids.has(c.id));
  }, [given, consentOption]);

  // Each basis says in plain language when it applies, and, when closed, why it does not apply now.
  const options: RadioOption[] = (bases.data?.items ?? []).map((option) => {
    const blocking = blockers(option);
    let next;
    if (blocking.length > 0) {
      next = (
        <>
          <span>{t('law.whyNot')}</span>
          <ul className="refusals">
            {blocking.map((r) => (
              <li key={r.code}>{explainRefusal(r, t, agencyName)}</li>
            ))}
          </ul>
        </>
      );
    } else if (option.legalBasis === 'CONSENT') {
      next = values.consentId ? t('share.consentCovers') : t('share.chooseConsentBelow');
    } else if (option.requiresJustification) {
      next = t('share.justificationBelow');
    }
    const description = (
      <>
        <span className="basis-applies">{t(`law.appliesWhen.${option.legalBasis}`)}</span>
        {option.reference && <span className="basis-reference"> {t('law.reference', { reference: option.reference })}</span>}
        {option.dpoReview && <span> {t('law.dpoReview')}</span>}
        {next && <span className="basis-state"> {next}</span>}
      </>
    );
    return { value: option.legalBasis, label: t(`legalBases.${option.legalBasis}`), description, disabled: blocking.length > 0 };
  });
  const chosenBlocked = options.find((o) => o.value === values.legalBasis)?.disabled ?? false;
  const refused = isRefused(disclose.error) ? disclose.error : null;

  const submit = onSubmit((parsed) => {
    if (disclose.isPending || chosenBlocked) return;
    disclose.mutate(
      {
        caseId: caseData.id,
        contributionId: contribution.id,
        toAgencyIds: parsed.toAgencyIds,
        legalBasis: parsed.legalBasis as LegalBasis,
        consentId: parsed.consentId || undefined,
        justification: parsed.requiresJustification ? parsed.justification.trim() || undefined : undefined,
        personId: parsed.requiresPerson ? parsed.personId || undefined : undefined,
        dangerStatement: parsed.requiresDangerStatement ? parsed.dangerStatement.trim() || undefined : undefined,
        provision: parsed.requiresProvision ? parsed.provision.trim() || undefined : undefined,
      },
      {
        onSuccess: (entry) =>
          onDone(
            t('share.done', {
              agencies: entry.toAgencies.map((a) => a.name ?? agencyName(a.id)).join(', '),
              basis: t(`legalBases.${entry.legalBasis}`),
              seq: entry.seq,
            }),
          ),
      },
    );
  });

  return (
    <Dialog title={t('share.title')} onClose={onClose}>
      <p>{t('share.what', { category: t(`dataCategories.${contribution.category}`), date: formatDateTime(contribution.createdAt, i18n.language) })}</p>
      <form ref={formRef} onSubmit={submit} noValidate>
        {refused && (
          <div role="alert" className="alert alert-error">
            <p>
              <strong>{errorMessage(refused, t)}</strong>
            </p>
            {refusalsOf(refused.body).length > 0 && (
              <ul>
                {refusalsOf(refused.body).map((r) => (
                  <li key={r.code}>{explainRefusal(r, t, agencyName)}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <FormAlert>{formError}</FormAlert>
        {recipients.length === 0 ? (
          <p className="alert alert-info">{t('share.noRecipients')}</p>
        ) : (
          <CheckboxGroup
            legend={t('share.recipients')}
            {...asGroup(field('toAgencyIds'))}
            // Other recipients may be covered by other consents: the consent is chosen again.
            onChange={(toAgencyIds) => {
              field('toAgencyIds').onChange(toAgencyIds);
              form.setValue('consentId', '');
            }}
            options={recipients.map((a) => ({ value: a.id, label: `${a.name} (${t(`agencyTypes.${a.type}`)})` }))}
            error={errors['toAgencyIds']}
          />
        )}
        {values.toAgencyIds.length === 0 ? (
          <p className="hint">{t('share.chooseRecipientsFirst')}</p>
        ) : bases.isPending ? (
          <LoadingState />
        ) : bases.isError ? (
          <QueryErrorState error={bases.error} onRetry={() => void bases.refetch()} />
        ) : (
          <RadioGroup
            legend={t('share.legalBasis')}
            hint={t('share.legalBasisHint')}
            {...field('legalBasis')}
            // The consent only matters for the consent basis; forgetting it keeps that basis open to choose again.
            onChange={(legalBasis) => {
              field('legalBasis').onChange(legalBasis);
              if (legalBasis !== 'CONSENT') form.setValue('consentId', '');
            }}
            options={options}
            error={errors['legalBasis'] ?? (chosenBlocked ? t('share.basisBlocked') : undefined)}
          />
        )}
        {values.legalBasis === 'CONSENT' && (
          <SelectField
            label={t('share.consent')}
            hint={covering.length === 0 ? t('share.noConsents') : t('share.consentHint')}
            {...field('consentId')}
            placeholder={consents.isPending ? t('common.loading') : t('common.choose')}
            options={covering.map((c) => ({
              value: c.id,
              label: t('share.consentOption', {
                person: personName(c.personId),
                method: t(`consentMethods.${c.method}`),
                date: formatDateTime(c.recordedAt, i18n.language),
                agencies: c.scope.agencyIds.map(agencyName).join(', '),
                categories: c.scope.dataCategories.map((d) => t(`dataCategories.${d}`)).join(', '),
              }),
            }))}
            error={errors['consentId']}
          />
        )}
        {values.legalBasis && asks.requiresPerson && (
          <SelectField
            label={t('law.person')}
            hint={t('law.personHint')}
            {...field('personId')}
            placeholder={t('common.choose')}
            options={caseData.persons.map((p) => ({ value: p.id, label: personName(p.id) }))}
            error={errors['personId']}
          />
        )}
        {values.legalBasis && asks.requiresDangerStatement && (
          <TextAreaField
            label={t('law.dangerStatement')}
            hint={t('law.dangerHint')}
            limit={CASEWORK_LIMITS.dangerStatementMax}
            {...field('dangerStatement')}
            error={errors['dangerStatement']}
          />
        )}
        {values.legalBasis && asks.requiresProvision && (
          <TextField label={t('law.provision')} hint={t('law.provisionHint')} {...field('provision')} error={errors['provision']} />
        )}
        {values.legalBasis && requiresJustification && (
          <TextAreaField
            label={t('share.justification')}
            hint={t('share.justificationHint')}
            limit={CASEWORK_LIMITS.disclosureJustificationMax}
            {...field('justification')}
            error={errors['justification']}
          />
        )}
        <div className="form-actions">
          <SubmitButton pending={disclose.isPending}>{t('share.submit')}</SubmitButton>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
