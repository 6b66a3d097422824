import { createEvent } from 'ics';
import type { Conference } from './entities/conference.entity';

const TITLE = 'Casusoverleg';

/**
 * The calendar invitation: when and where, nothing about the families (no case references, no
 * names). The agenda stays in Schakel, behind the confidentiality acknowledgement.
 */
export function conferenceInviteIcs(c: Pick<Conference, 'id' | 'scheduledAt' | 'location' | 'status' | 'version'>): string {
  const { error, value } = createEvent({
    uid: `${c.id}@schakel`,
    productId: 'Schakel//Casusoverleg//NL',
    title: TITLE,
    location: c.location,
    description: 'Casusoverleg (art. 458ter Sw.). De agenda staat in Schakel; u ziet de casussen nadat u uw beroepsgeheim hebt bevestigd.',
    start: c.scheduledAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { hours: 2 },
    status: 'CONFIRMED',
    classification: 'CONFIDENTIAL',
    busyStatus: 'BUSY',
    sequence: c.version,
  });
  if (error || !value) throw error ?? new Error('could not build the calendar invitation');
  return value;
}
