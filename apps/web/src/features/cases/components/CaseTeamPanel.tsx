import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { errorMessage } from '../../../lib/errorMessage';
import { useMe } from '../../me/hooks/useMe';
import { useAddDeputy, useHandover, useRemoveDeputy, useTeamCandidates } from '../api/casework';
import type { CasePermissions } from '../caseAbility';
import type { CaseDetail } from '../types';

interface CaseTeamPanelProps {
  caseData: CaseDetail;
  can: CasePermissions;
  onDone: (message: string) => void;
}

/**
 * The case team: the case director and the deputies who act like them. The team hands the case
 * over (with a reason for the timeline) and manages its deputies; a case director of the same
 * agency takes over a case whose director's account is no longer active.
 */
export function CaseTeamPanel({ caseData, can, onDone }: CaseTeamPanelProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [dialog, setDialog] = useState<'handover' | 'deputy' | null>(null);
  const removeDeputy = useRemoveDeputy();
  const team = caseData.team;
  const inactiveDirector = team.director !== null && !team.director.active;
  const mayTakeOver = !can.handover && inactiveDirector && me?.roles.includes('case_director') && team.director?.agencyId === me.agency.id;
  if (!team.director) return null;
  return (
    <section aria-labelledby="case-team-title" className="panel">
      <h2 id="case-team-title">{t('casework.team.title')}</h2>
      <ul>
        <li>
          {t('casework.team.director')}: <strong>{team.director.displayName ?? '—'}</strong>
          {!team.director.active && <span className="badge badge-danger">{t('casework.team.inactive')}</span>}
        </li>
        {team.deputies.map((d) => (
          <li key={d.userId}>
            {t('casework.team.deputy')}: {d.displayName ?? '—'}
            {!d.active && <span className="badge badge-danger">{t('casework.team.inactive')}</span>}
            {can.handover && (
              <>
                {' '}
                <button
                  type="button"
                  className="button-link"
                  onClick={() => removeDeputy.mutate({ caseId: caseData.id, userId: d.userId }, { onSuccess: () => onDone(t('casework.team.removed')) })}
                >
                  {t('casework.team.remove')}
                  <span className="visually-hidden"> {d.displayName}</span>
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {(can.handover || mayTakeOver) && (
        <p className="actions-row">
          <button type="button" onClick={() => setDialog('handover')}>
            {mayTakeOver ? t('casework.handover.takeOver') : t('casework.handover.open')}
          </button>{' '}
          {can.handover && (
            <button type="button" onClick={() => setDialog('deputy')}>
              {t('casework.team.addDeputy')}
            </button>
          )}
        </p>
      )}
      {dialog === 'handover' && (
        <HandoverDialog
          caseData={caseData}
          takeOverAs={mayTakeOver ? me!.id : null}
          onClose={() => setDialog(null)}
          onDone={(m) => {
            setDialog(null);
            onDone(m);
          }}
        />
      )}
      {dialog === 'deputy' && (
        <DeputyDialog
          caseData={caseData}
          onClose={() => setDialog(null)}
          onDone={(m) => {
            setDialog(null);
            onDone(m);
          }}
        />
      )}
    </section>
  );
}

function HandoverDialog({
  caseData,
  takeOverAs,
  onClose,
  onDone,
}: {
  caseData: CaseDetail;
  takeOverAs: string | null;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const candidates = useTeamCandidates(caseData.id, takeOverAs === null);
  const handover = useHandover();
  const [toUserId, setTo] = useState(takeOverAs ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const options = (candidates.data?.items ?? [])
    .filter((c) => c.userId !== caseData.team.director?.userId)
    .map((c) => ({ value: c.userId, label: `${c.displayName} (${c.agencyName})` }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (handover.isPending) return;
    const found: Record<string, string> = {};
    if (!toUserId) found['toUserId'] = t('casework.handover.toRequired');
    if (reason.trim().length < 3) found['reason'] = t('casework.reasonRequired');
    setErrors(found);
    if (Object.keys(found).length) return;
    handover.mutate({ caseId: caseData.id, toUserId, reason: reason.trim() }, { onSuccess: () => onDone(t('casework.handover.done')) });
  };
  return (
    <Dialog title={takeOverAs ? t('casework.handover.takeOver') : t('casework.handover.title')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <FormAlert>{handover.error ? errorMessage(handover.error, t) : null}</FormAlert>
        {takeOverAs === null && (
          <SelectField
            label={t('casework.handover.to')}
            hint={t('casework.handover.toHint')}
            name="toUserId"
            value={toUserId}
            onChange={setTo}
            placeholder={candidates.isPending ? t('common.loading') : t('common.choose')}
            options={options}
            error={errors['toUserId']}
          />
        )}
        <TextAreaField label={t('casework.reason')} name="reason" value={reason} onChange={setReason} error={errors['reason']} />
        <SubmitButton pending={handover.isPending}>{takeOverAs ? t('casework.handover.takeOver') : t('casework.handover.submit')}</SubmitButton>
      </form>
    </Dialog>
  );
}

function DeputyDialog({ caseData, onClose, onDone }: { caseData: CaseDetail; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const candidates = useTeamCandidates(caseData.id, true);
  const add = useAddDeputy();
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const options = (candidates.data?.items ?? []).filter((c) => !c.inTeam).map((c) => ({ value: c.userId, label: `${c.displayName} (${c.agencyName})` }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    if (!userId) {
      setError(t('casework.handover.toRequired'));
      return;
    }
    add.mutate({ caseId: caseData.id, userId }, { onSuccess: () => onDone(t('casework.team.added')) });
  };
  return (
    <Dialog title={t('casework.team.addDeputy')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <FormAlert>{add.error ? errorMessage(add.error, t) : null}</FormAlert>
        <SelectField
          label={t('casework.team.deputy')}
          name="userId"
          value={userId}
          onChange={setUserId}
          placeholder={t('common.choose')}
          options={options}
          error={error}
        />
        <SubmitButton pending={add.isPending}>{t('casework.team.addDeputy')}</SubmitButton>
      </form>
    </Dialog>
  );
}
