import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { rulesToSql, type FieldSqlMap } from '@schakel/authz';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { decodeCursor, toPage } from '../../common/pagination/cursor';
import type { CaseCipher } from '../crypto/case-cipher';
import { CaseKeysService } from '../crypto/case-keys.service';
import { DisclosureReview, type ReviewOutcome } from './disclosure-review.entity';
import { DANGER_STATEMENT, JUSTIFICATION } from './justification-seal';

const REVIEW_SCOPE_FIELDS: FieldSqlMap = { district: (p) => `l.district = :${p}` };

interface ReviewRow {
  seq: string;
  at: Date;
  disclosure_id: string;
  case_id: string;
  case_reference: string;
  from_agency_id: string;
  from_agency_name: string | null;
  to_agency_ids: string[];
  legal_reference: string | null;
  danger_statement: string | null;
  justification: string | null;
  outcome: ReviewOutcome | null;
  note: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

/**
 * The DPO's queue of disclosures made under the state of necessity (issue 9): necessity is a
 * defence judged afterwards, so each one is looked at. The liaison sees those of their district.
 */
@Injectable()
export class SharingReviewsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly caseKeys: CaseKeysService,
  ) {}

  async list(user: AuthenticatedUser, q: { limit?: number; cursor?: string; status?: string }) {
    const limit = q.limit ?? 50;
    const scope = rulesToSql(user.ability, 'read', 'DisclosureReview', REVIEW_SCOPE_FIELDS);
    const cursor = decodeCursor(q.cursor);
    const qb = this.ds
      .createQueryBuilder()
      .select([
        'l.seq AS seq',
        'l.at AS at',
        'd.id AS disclosure_id',
        'd.case_id AS case_id',
        'c.reference AS case_reference',
        'd.from_agency_id AS from_agency_id',
        'a.name AS from_agency_name',
        'l.to_agency_ids AS to_agency_ids',
        'd.legal_reference AS legal_reference',
        'd.danger_statement AS danger_statement',
        'd.justification AS justification',
        'r.outcome AS outcome',
        'r.note AS note',
        'r.reviewed_by AS reviewed_by',
        'r.reviewed_at AS reviewed_at',
      ])
      .from('disclosures', 'd')
      .innerJoin('sharing_log', 'l', 'l.seq = d.log_seq')
      .innerJoin('cases', 'c', 'c.id = d.case_id')
      .leftJoin('agencies', 'a', 'a.id = d.from_agency_id')
      .leftJoin(
        (sq) => sq.select('DISTINCT ON (x.disclosure_id) x.*').from('disclosure_reviews', 'x').orderBy('x.disclosure_id').addOrderBy('x.reviewed_at', 'DESC'),
        'r',
        'r.disclosure_id = d.id',
      )
      .where("d.legal_basis = 'NECESSITY'")
      .andWhere(scope.sql, scope.params)
      .orderBy('l.seq', 'DESC')
      .limit(limit + 1);
    if (q.status === 'PENDING') qb.andWhere('r.outcome IS NULL');
    else if (q.status) qb.andWhere('r.outcome = :status', { status: q.status });
    if (cursor) qb.andWhere('l.seq < :cseq', { cseq: cursor.id });
    const rows = await qb.getRawMany<ReviewRow>();
    // Free text lives under each case's data key (ADR 0009); an erased case's text reads as null.
    const ciphers = await this.caseKeys.ciphers(rows.map((r) => r.case_id));
    return toPage(
      rows,
      limit,
      (r) => ({ k: '', id: String(r.seq) }),
      (r) => this.view(r, ciphers.get(r.case_id)!),
    );
  }

  async review(user: AuthenticatedUser, seq: string, outcome: ReviewOutcome, note: string) {
    return this.ds.transaction(async (m) => {
      const found: { id: string }[] = await m.query("SELECT id FROM disclosures WHERE log_seq = $1 AND legal_basis = 'NECESSITY'", [seq]);
      if (!found.length || !user.ability.can('create', 'DisclosureReview')) throw new NotFoundException('No such disclosure under the state of necessity');
      const repo = m.getRepository(DisclosureReview);
      const saved = await repo.save(repo.create({ disclosureId: found[0]!.id, outcome, note: note.trim(), reviewedBy: user.id }));
      return {
        seq: Number(seq),
        disclosureId: saved.disclosureId,
        reviewStatus: outcome,
        review: { outcome, note: saved.note, reviewedBy: user.id, reviewedAt: saved.reviewedAt.toISOString() },
      };
    });
  }

  private view(r: ReviewRow, cipher: CaseCipher) {
    return {
      seq: Number(r.seq),
      at: new Date(r.at).toISOString(),
      disclosureId: r.disclosure_id,
      caseId: r.case_id,
      caseReference: r.case_reference,
      fromAgency: { id: r.from_agency_id, name: r.from_agency_name },
      toAgencyIds: r.to_agency_ids,
      legalBasis: 'NECESSITY' as const,
      legalReference: r.legal_reference,
      dangerStatement: cipher.open(r.danger_statement, DANGER_STATEMENT),
      justification: cipher.open(r.justification, JUSTIFICATION),
      reviewStatus: r.outcome ?? ('PENDING' as const),
      review: r.outcome ? { outcome: r.outcome, note: r.note, reviewedBy: r.reviewed_by, reviewedAt: new Date(r.reviewed_at!).toISOString() } : null,
    };
  }
}
