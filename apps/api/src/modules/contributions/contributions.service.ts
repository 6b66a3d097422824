import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { AccessLogService } from '../access-log/access-log.service';
import { CaseAccessService } from '../cases/case-access.service';
import { TimelineService } from '../cases/timeline.service';
import { CaseKeysService } from '../crypto/case-keys.service';
import { Contribution } from './contribution.entity';
import { contributionMarks } from './disclosure-marks';
import type { CreateContributionDto } from './dto/create-contribution.dto';

const CONTENT = 'contributions.content';

@Injectable()
export class ContributionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccessService,
    private readonly caseKeys: CaseKeysService,
    private readonly timeline: TimelineService,
    private readonly accessLog: AccessLogService,
  ) {}

  async create(user: AuthenticatedUser, caseId: string, dto: CreateContributionDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.cases.load(user, caseId, 'read', m, true);
      this.cases.assertCan(user, 'create', 'Contribution', ctx);
      this.cases.assertOpen(ctx);
      const repo = m.getRepository(Contribution);
      const c = await repo.save(
        repo.create({
          caseId,
          agencyId: user.agencyId,
          authorId: user.id,
          category: dto.category,
          content: (await this.caseKeys.cipher(caseId, m)).seal(dto.content, CONTENT),
        }),
      );
      // The timeline says that an agency contributed and in which category, never what.
      await this.timeline.record(m, caseId, user, 'CONTRIBUTION_ADDED', { contributionId: c.id, agencyId: c.agencyId, category: c.category });
      return this.view(c, dto.content, []);
    });
  }

  /** The caller's agency's own contributions and those disclosed to it; nothing else (filtered in SQL). */
  async list(user: AuthenticatedUser, caseId: string) {
    const ctx = await this.cases.load(user, caseId);
    this.cases.assertCan(user, 'read', 'Contribution', ctx, { agencyId: user.agencyId, sharedWithAgencyIds: [] });
    const rows: (Contribution & { sharedWith: string[] | null })[] = (await this.ds
      .getRepository(Contribution)
      .createQueryBuilder('x')
      .where('x.case_id = :caseId AND x.content IS NOT NULL', { caseId })
      .andWhere(
        `(x.agency_id = :agency OR EXISTS (
        SELECT 1 FROM disclosures d JOIN disclosure_recipients r ON r.disclosure_id = d.id
        WHERE d.contribution_id = x.id AND r.agency_id = :agency))`,
        { agency: user.agencyId },
      )
      .orderBy('x.created_at', 'ASC')
      .getMany()) as never;
    const shared = await this.sharedWith(rows.map((r) => r.id));
    const marks = await contributionMarks(
      this.ds,
      rows.map((r) => r.id),
    );
    await this.accessLog.record(user, caseId, 'CONTRIBUTIONS');
    const cipher = await this.caseKeys.cipher(caseId);
    return {
      items: rows.map((r) => ({
        ...this.view(r, cipher.open(r.content, CONTENT), r.agencyId === user.agencyId ? (shared.get(r.id) ?? []) : []),
        disclosures: marks.get(r.id)?.disclosures ?? [],
        useRestriction: marks.get(r.id)?.useRestriction ?? null,
      })),
    };
  }

  private async sharedWith(ids: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!ids.length) return map;
    const rows: { contribution_id: string; agency_id: string }[] = await this.ds.query(
      `SELECT DISTINCT d.contribution_id, r.agency_id FROM disclosures d JOIN disclosure_recipients r ON r.disclosure_id = d.id WHERE d.contribution_id = ANY($1)`,
      [ids],
    );
    for (const r of rows) map.set(r.contribution_id, [...(map.get(r.contribution_id) ?? []), r.agency_id]);
    return map;
  }

  private view(c: Contribution, content: string | null, sharedWithAgencyIds: string[]) {
    return {
      id: c.id,
      caseId: c.caseId,
      agencyId: c.agencyId,
      authorId: c.authorId,
      category: c.category,
      content,
      sharedWithAgencyIds,
      createdAt: c.createdAt.toISOString(),
    };
  }
}
