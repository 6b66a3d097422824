import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { TimelineService } from './timeline.service';

/**
 * When the prosecutor approves an amendment, the open cases under the older revision continue
 * under the new one (closed cases keep the revision they were closed under). Each moved case
 * records it on its timeline.
 */
@Injectable()
export class ProtocolRevisionService {
  constructor(private readonly timeline: TimelineService) {}

  async moveOpenCases(m: EntityManager, fromProtocolId: string, to: { id: string; revision: number }, user: AuthenticatedUser): Promise<string[]> {
    const moved: { id: string }[] = await m.query(`SELECT id FROM cases WHERE protocol_id = $1 AND stage <> 'AFGESLOTEN' FOR UPDATE`, [fromProtocolId]);
    if (!moved.length) return [];
    await m.query('UPDATE cases SET protocol_id = $2, version = version + 1, updated_at = now() WHERE id = ANY($1)', [moved.map((c) => c.id), to.id]);
    for (const c of moved) {
      await this.timeline.record(m, c.id, user, 'PROTOCOL_REVISION', { fromProtocolId, toProtocolId: to.id, revision: to.revision });
    }
    return moved.map((c) => c.id);
  }
}
