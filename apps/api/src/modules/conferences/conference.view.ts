import type { Conference } from './entities/conference.entity';
import type { ConferenceInvitee } from './entities/conference-invitee.entity';

export function conferenceView(c: Conference) {
  return {
    id: c.id,
    protocolId: c.protocolId,
    chairId: c.chairId,
    scheduledAt: c.scheduledAt.toISOString(),
    location: c.location,
    status: c.status,
    startedAt: c.startedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    seal: c.minutesHash ? { minutesHash: c.minutesHash, signature: c.minutesSignature!, publicKey: c.signingPublicKey!, algorithm: 'Ed25519' as const } : null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The plain record the Conference rules of libs/authz are checked against. */
export function conferenceSubject(c: Pick<Conference, 'id' | 'chairId'>, invitees: Pick<ConferenceInvitee, 'userId'>[]): Record<string, unknown> {
  return { id: c.id, chairId: c.chairId, inviteeIds: invitees.map((i) => i.userId) };
}
