import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errorMessage';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useConference, useStartConference } from '../api/conferences';
import type { ConferenceDetail } from '../types';
import { AgendaTable } from './AgendaTable';
import { CloseConferenceButton } from './CloseConferenceButton';
import { ConferenceStatusBadge } from './ConferenceStatusBadge';
import { ConfidentialityPanel } from './ConfidentialityPanel';
import { DownloadFileButton } from './DownloadFileButton';
import { ItemMinutesForm } from './ItemMinutesForm';

/**
 * /conferences/:conferenceId: when and where, the confidentiality acknowledgement an invitee gives
 * before the agenda opens, the agenda, and for the chair the conference mode.
 */
export function ConferencePage() {
  const { t, i18n } = useTranslation();
  const { conferenceId = '' } = useParams();
  const location = useLocation();
  const conference = useConference(conferenceId);
  const [notice, setNotice] = useState<string | null>(((location.state as { notice?: unknown } | null)?.notice as string | undefined) ?? null);

  if (conference.isPending) return <LoadingState />;
  if (conference.isError)
    return (
      <section>
        <PageHeading>{t('conferences.detailTitleUnknown')}</PageHeading>
        <QueryErrorState error={conference.error} onRetry={() => void conference.refetch()} />
      </section>
    );
  const c = conference.data;
  const isChair = c.myRole === 'CHAIR';
  const limited = !isChair && !c.acknowledgedAt;

  return (
    <section>
      <p>
        <Link to="/conferences">{t('conferences.back')}</Link>
      </p>
      <PageHeading>{t('conferences.detailTitle', { date: formatDateTime(c.scheduledAt, i18n.language) })}</PageHeading>
      <StatusMessage message={notice} />
      <dl className="details">
        <dt>{t('conferences.status')}</dt>
        <dd>
          <ConferenceStatusBadge status={c.status} />
        </dd>
        <dt>{t('conferences.fields.location')}</dt>
        <dd>{c.location}</dd>
        <dt>{t('conferences.chair')}</dt>
        <dd>{[c.chair.name, c.chair.agency].filter(Boolean).join(', ') || '—'}</dd>
      </dl>
      <p>
        <DownloadFileButton conferenceId={c.id} file="invite.ics" label={t('conferences.downloadIcs')} fallbackName="casusoverleg.ics" />{' '}
        {c.status === 'CLOSED' && (
          <DownloadFileButton conferenceId={c.id} file="minutes.pdf" label={t('conferences.downloadMinutes')} fallbackName="casusoverleg.pdf" />
        )}
      </p>
      {!isChair && <ConfidentialityPanel conference={c} onDone={setNotice} />}
      {limited && <p className="alert alert-info">{t('conferences.agenda.limitedIntro')}</p>}
      <AgendaTable agenda={c.agenda} />
      <Invitees conference={c} />
      {isChair && <ConferenceMode conference={c} onDone={setNotice} onStale={() => void conference.refetch()} />}
    </section>
  );
}

function Invitees({ conference: c }: { conference: ConferenceDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="invitees-title">
      <h2 id="invitees-title">{t('conferences.invitees')}</h2>
      <ul>
        {c.invitees.map((i) => (
          <li key={i.userId}>
            {i.name ?? t('conferences.unknownPerson')}
            {i.agency && ` (${i.agency})`} —{' '}
            {i.acknowledgedAt
              ? t('conferences.acknowledgedOn', { date: formatDateTime(i.acknowledgedAt, i18n.language) })
              : t('conferences.notAcknowledged')}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ConferenceModeProps {
  conference: ConferenceDetail;
  onDone: (message: string) => void;
  onStale: () => void;
}

/** The chair's conference mode: start, minutes per agenda item, close and seal. */
function ConferenceMode({ conference: c, onDone, onStale }: ConferenceModeProps) {
  const { t, i18n } = useTranslation();
  const start = useStartConference();
  return (
    <section aria-labelledby="mode-title">
      <h2 id="mode-title">{t('conferences.mode.title')}</h2>
      {c.status === 'SCHEDULED' && (
        <>
          <p>{t('conferences.mode.startIntro')}</p>
          <FormAlert>{start.error ? errorMessage(start.error, t) : null}</FormAlert>
          <button
            type="button"
            aria-disabled={start.isPending || undefined}
            onClick={() => !start.isPending && start.mutate(c.id, { onSuccess: () => onDone(t('conferences.mode.started')) })}
          >
            {start.isPending ? t('common.working') : t('conferences.mode.start')}
          </button>
        </>
      )}
      {c.status === 'IN_PROGRESS' && (
        <>
          {c.agenda.map((item) =>
            item.limited ? null : (
              <ItemMinutesForm key={`${item.caseId}:${item.minutes?.version ?? 0}`} conference={c} item={item} onDone={onDone} onStale={onStale} />
            ),
          )}
          <CloseConferenceButton conferenceId={c.id} onDone={onDone} />
        </>
      )}
      {c.status === 'CLOSED' && c.seal && (
        <>
          <p>{t('conferences.mode.sealed', { date: c.closedAt ? formatDateTime(c.closedAt, i18n.language) : '' })}</p>
          <p>
            {t('conferences.mode.hash')} <code className="short-id">{c.seal.minutesHash}</code>
          </p>
        </>
      )}
    </section>
  );
}
