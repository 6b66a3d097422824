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
import { Dialog } from '../../../components/Dialog';
import { formatDate } from '../../../lib/formatDate';

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
      {c.status === 'CLOSED' && <ClosedMinutes conference={c} />}
      <Invitees conference={c} />
      {isChair && <ConferenceMode conference={c} onDone={setNotice} onStale={() => void conference.refetch()} />}
    </section>
  );
}

/** After closing, the sealed minutes of the items the reader may see, on the page (the PDF is the signed copy). */
function ClosedMinutes({ conference: c }: { conference: ConferenceDetail }) {
  const { t } = useTranslation();
  const items = c.agenda.filter((a) => !a.limited && a.minutes && a.minutes.minutes !== null);
  if (!items.length) return null;
  return (
    <section aria-labelledby="closed-minutes-title">
      <h2 id="closed-minutes-title">{t('casework.conference.minutes')}</h2>
      {items.map((a) =>
        a.limited || !a.minutes ? null : (
          <article key={a.caseId} className="panel">
            <h3>{a.reference}</h3>
            <p className="prose">{a.minutes.minutes}</p>
            {a.minutes.decisions.length > 0 && (
              <ul>
                {a.minutes.decisions.map((d, i) => (
                  <li key={i}>
                    {t(`decisionTypes.${d.type}`)}: {d.rationale}
                  </li>
                ))}
              </ul>
            )}
          </article>
        ),
      )}
    </section>
  );
}

function Invitees({ conference: c }: { conference: ConferenceDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="invitees-title" data-testid="invitees">
      <h2 id="invitees-title">{t('conferences.invitees')}</h2>
      {c.status !== 'CLOSED' && <p className="hint">{t('casework.conference.live')}</p>}
      <ul>
        {c.invitees.map((i) => (
          <li key={i.userId}>
            {i.name ?? t('conferences.unknownPerson')}
            {i.agency && ` (${i.agency})`} —{' '}
            {i.acknowledgedAt ? t('conferences.acknowledgedOn', { date: formatDateTime(i.acknowledgedAt, i18n.language) }) : t('conferences.notAcknowledged')}
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
  const [confirming, setConfirming] = useState(false);
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
            onClick={() => {
              if (start.isPending) return;
              // Held on another day than planned: the chair confirms first.
              if (c.plannedForToday === false) setConfirming(true);
              else start.mutate({ id: c.id }, { onSuccess: () => onDone(t('conferences.mode.started')) });
            }}
          >
            {start.isPending ? t('common.working') : t('conferences.mode.start')}
          </button>
          {confirming && (
            <Dialog title={t('casework.conference.notTodayTitle')} onClose={() => setConfirming(false)}>
              <p>{t('casework.conference.notToday', { date: formatDate(c.scheduledAt.slice(0, 10), i18n.language) })}</p>
              <p className="actions-row">
                <button
                  type="button"
                  className="button-primary"
                  onClick={() => {
                    setConfirming(false);
                    start.mutate({ id: c.id, confirmDate: true }, { onSuccess: () => onDone(t('conferences.mode.started')) });
                  }}
                >
                  {t('casework.conference.confirmStart')}
                </button>{' '}
                <button type="button" onClick={() => setConfirming(false)}>
                  {t('casework.conference.cancel')}
                </button>
              </p>
            </Dialog>
          )}
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
