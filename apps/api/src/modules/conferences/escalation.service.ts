import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type EscalationOutcome =
  | { kind: 'ADDED_TO_AGENDA'; conferenceId: string; scheduledAt: string; position: number }
  | { kind: 'ALREADY_ON_AGENDA'; conferenceId: string; scheduledAt: string }
  | { kind: 'URGENT_CONFERENCE_REQUESTED' };

/**
 * What an escalating evaluation does to the conference calendar: the case goes on the agenda of the
 * next scheduled conference under its protocol chaired by its team; without one, the caller flags
 * the case for an urgent conference.
 */
@Injectable()
export class EscalationService {
  async putOnNextAgenda(m: EntityManager, caseId: string, protocolId: string, teamIds: string[]): Promise<EscalationOutcome> {
    const next: { id: string; scheduled_at: Date; on_agenda: boolean }[] = await m.query(
      `SELECT f.id, f.scheduled_at, EXISTS (SELECT 1 FROM conference_items i WHERE i.conference_id = f.id AND i.case_id = $1) AS on_agenda
       FROM conferences f WHERE f.protocol_id = $2 AND f.status = 'SCHEDULED' AND f.scheduled_at >= now() AND f.chair_id = ANY($3)
       ORDER BY f.scheduled_at LIMIT 1 FOR UPDATE OF f`,
      [caseId, protocolId, teamIds],
    );
    const f = next[0];
    if (!f) return { kind: 'URGENT_CONFERENCE_REQUESTED' };
    if (f.on_agenda) return { kind: 'ALREADY_ON_AGENDA', conferenceId: f.id, scheduledAt: f.scheduled_at.toISOString() };
    const [{ position }] = await m.query(
      `INSERT INTO conference_items (conference_id, case_id, position, version)
       SELECT $1, $2, COALESCE(MAX(position), 0) + 1, 1 FROM conference_items WHERE conference_id = $1 RETURNING position`,
      [f.id, caseId],
    );
    return { kind: 'ADDED_TO_AGENDA', conferenceId: f.id, scheduledAt: f.scheduled_at.toISOString(), position };
  }
}
