import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { conflict, unprocessable } from '../../common/http/domain-error';
import { eraseCases } from '../../database/case-erasure';
import { CaseKeysService } from '../crypto/case-keys.service';
import { CaseRecord } from './entities/case.entity';
import { TimelineService } from './timeline.service';

/**
 * A DPO's erasure order (GDPR art. 17) where no legal hold stops it: the same module erasure as
 * retention, then the case's data key is destroyed with the order's reason. The DPO sees no case
 * content: this loads only the case row and answers with its reference.
 */
@Injectable()
export class CaseErasureService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly caseKeys: CaseKeysService,
    private readonly timeline: TimelineService,
  ) {}

  async erase(user: AuthenticatedUser, id: string, reason: string) {
    return this.ds.transaction(async (m) => {
      const c = await m.getRepository(CaseRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c || !user.ability.can('erase', 'Case')) throw new NotFoundException('No such case');
      if (c.legalHold) throw unprocessable('LEGAL_HOLD', 'The case is on legal hold: lift the hold before ordering its erasure');
      if (c.anonymisedAt) throw conflict('ALREADY_ERASED', 'The personal data of this case were already erased', { erasedAt: c.anonymisedAt.toISOString() });
      await eraseCases(m, [id], 'ERASED');
      await this.caseKeys.destroy(id, user.id, reason, m);
      // Who ordered it: the reason itself stays with the key record (ring-encrypted), not in the erased timeline.
      await this.timeline.record(m, id, user, 'ERASED', { order: 'DPO' });
      const after = await m.getRepository(CaseRecord).findOneByOrFail({ id });
      return { caseId: id, reference: c.reference, erasedAt: after.anonymisedAt!.toISOString() };
    });
  }
}
