import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { asSubject, rulesToSql, type FieldSqlMap } from '@schakel/authz';
import { availableLegalBases, checkDisclosure, primaryRefusal, todayInBrussels, type DataCategory, type DisclosureFacts, type Stage } from '@schakel/domain';
import { publicKeyPem, redactEntry, SHARING_LOG_EXPORT_FORMAT, verifyChain, verifyCheckpoint, type SharingLogExport } from '@schakel/platform';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { unprocessable } from '../../common/http/domain-error';
import { decodeCursor, toPage } from '../../common/pagination/cursor';
import { Agency } from '../agencies/agency.entity';
import { CaseAccessService, type CaseContext } from '../cases/case-access.service';
import { TimelineService } from '../cases/timeline.service';
import { Consent } from '../consent/consent.entity';
import { Contribution } from '../contributions/contribution.entity';
import { CaseKeysService } from '../crypto/case-keys.service';
import { Protocol } from '../protocols/protocol.entity';
import type { CreateDisclosureDto } from './dto/disclosure.dto';
import type { SharingLogQuery } from './dto/sharing-log.query';
import { checkpointView, rowToEntry, SharingLogWriter } from './sharing-log.writer';
import { CheckpointRow, Disclosure, DisclosureRecipient, SharingLogRow } from './sharing.entities';

function consentFacts(c: Consent): NonNullable<DisclosureFacts['consent']> {
  return { status: c.status, validUntil: c.validUntil, withdrawnAt: c.withdrawnAt?.toISOString() ?? null, agencyIds: c.scopeAgencyIds, dataCategories: c.scopeDataCategories };
}

/** The SharingLog rule fields of libs/authz as SQL over `sharing_log l`. */
const LOG_SCOPE_FIELDS: FieldSqlMap = {
  district: (p) => `l.district = :${p}`,
  caseAgencyIds: (p) => `:${p} = ANY(l.case_agency_ids)`,
};

@Injectable()
export class SharingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccessService,
    private readonly timeline: TimelineService,
    private readonly writer: SharingLogWriter,
    private readonly caseKeys: CaseKeysService,
  ) {}

  /**
   * Shares a contribution under a legal basis. The art. 458ter rules of libs/domain decide; a refusal is
   * a 422 with its code and every reason. On success the disclosure, its recipients, the sharing-log entry
   * and the timeline line commit together.
   */
  async disclose(user: AuthenticatedUser, caseId: string, contributionId: string, dto: CreateDisclosureDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.cases.load(user, caseId, 'read', m, true);
      const contribution = await this.ownContribution(user, ctx, contributionId, m);
      const facts = await this.facts(user, ctx, contribution, dto, m);
      const refusals = checkDisclosure(facts);
      const first = primaryRefusal(refusals);
      if (first) throw unprocessable(first.code, first.message, { refusals });

      const justification = dto.justification?.trim() || null;
      const consentId = dto.legalBasis === 'CONSENT' ? dto.consentId ?? null : null;
      const protocol = await m.getRepository(Protocol).findOneByOrFail({ id: ctx.record.protocolId });
      const entry = await this.writer.append(m, {
        caseId, protocolId: protocol.id, contributionId, fromAgencyId: user.agencyId, fromUserId: user.id,
        toAgencyIds: [...dto.toAgencyIds].sort(), legalBasis: dto.legalBasis, categories: [...facts.categories].sort(), justification, consentId,
      }, { district: protocol.district, caseAgencyIds: ctx.agencyIds });
      // The disclosure keeps its justification under the case's data key (ADR 0009): erasable with the case.
      const sealed = (await this.caseKeys.cipher(caseId, m)).sealNullable(justification, 'disclosures.justification');
      const disclosure = await m.getRepository(Disclosure).save(m.getRepository(Disclosure).create({
        caseId, contributionId, fromAgencyId: user.agencyId, fromUserId: user.id, legalBasis: dto.legalBasis, consentId, justification: sealed, logSeq: String(entry.seq),
      }));
      await m.getRepository(DisclosureRecipient).insert(dto.toAgencyIds.map((agencyId) => ({ disclosureId: disclosure.id, agencyId })));
      await this.timeline.record(m, caseId, user, 'DISCLOSURE', { disclosureId: disclosure.id, contributionId, toAgencyIds: entry.toAgencyIds, legalBasis: entry.legalBasis, seq: entry.seq });
      const names = await this.agencyNames([entry.fromAgencyId, ...entry.toAgencyIds], m);
      return { disclosureId: disclosure.id, ...this.entryView(entry, names) };
    });
  }

  /**
   * For the share dialog: each legal basis, whether it is possible right now and why not. The written
   * justification is asked for in the dialog, so it is reported as `requiresJustification`, not as a
   * refusal; for CONSENT, the consents in force that cover these recipients are listed.
   */
  async legalBases(user: AuthenticatedUser, caseId: string, contributionId: string, toAgencyIds: string[], consentId?: string) {
    const ctx = await this.cases.load(user, caseId);
    const contribution = await this.ownContribution(user, ctx, contributionId);
    const { legalBasis: _b, consent, justification: _j, ...base } = await this.facts(user, ctx, contribution, { toAgencyIds, legalBasis: 'CONSENT', consentId });
    const candidates = consentId
      ? (consent ? [{ id: consentId, consent }] : [])
      : (await this.ds.getRepository(Consent).findBy({ caseId, status: 'GIVEN' })).map((c) => ({ id: c.id, consent: consentFacts(c) }));
    const items = availableLegalBases(base, candidates);
    return { items };
  }

  async list(user: AuthenticatedUser, q: SharingLogQuery) {
    const limit = q.limit ?? 50;
    const scope = rulesToSql(user.ability, 'read', 'SharingLog', LOG_SCOPE_FIELDS);
    const cursor = decodeCursor(q.cursor);
    const qb = this.ds.getRepository(SharingLogRow).createQueryBuilder('l').where(scope.sql, scope.params).orderBy('l.seq', 'DESC').take(limit + 1);
    if (q.protocolId) qb.andWhere('l.protocol_id = :protocolId', { protocolId: q.protocolId });
    if (q.caseId) qb.andWhere('l.case_id = :caseId', { caseId: q.caseId });
    if (q.from) qb.andWhere('l.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('l.at < (:to::date + 1)', { to: q.to.slice(0, 10) });
    if (cursor) qb.andWhere('l.seq < :cseq', { cseq: cursor.id });
    const rows = await qb.getMany();
    const names = await this.agencyNames(rows.flatMap((r) => [r.fromAgencyId, ...r.toAgencyIds]));
    const caseIds = [...new Set(rows.map((r) => r.caseId))];
    const refs = new Map<string, string>(caseIds.length
      ? (await this.ds.query('SELECT id, reference FROM cases WHERE id = ANY($1)', [caseIds]) as { id: string; reference: string }[]).map((r) => [r.id, r.reference])
      : []);
    return toPage(rows, limit, (r) => ({ k: '', id: r.seq }), (r) => ({ ...this.entryView(rowToEntry(r), names), caseReference: refs.get(r.caseId) ?? null }));
  }

  /** Recomputes the whole chain and checks the latest checkpoint; names the first broken entry. */
  async verify() {
    const rows = await this.ds.getRepository(SharingLogRow).find({ order: { seq: 'ASC' } });
    const chain = verifyChain(rows.map(rowToEntry));
    const cp = await this.ds.getRepository(CheckpointRow).createQueryBuilder('c').orderBy('c.seq', 'DESC').limit(1).getOne();
    const checkpoint = cp ? checkpointView(cp) : null;
    const checkpointValid = checkpoint
      ? verifyCheckpoint(checkpoint, this.writer.publicKey) && rows.find((r) => Number(r.seq) === checkpoint.seq)?.hash === checkpoint.headHash
      : null;
    return {
      valid: chain.valid && checkpointValid !== false,
      entries: chain.entries,
      ...(chain.firstBrokenSeq !== undefined ? { firstBrokenSeq: chain.firstBrokenSeq } : {}),
      ...(chain.reason ? { reason: chain.reason } : {}),
      checkpoint: checkpoint ? { seq: checkpoint.seq, at: checkpoint.at, valid: checkpointValid } : null,
    };
  }

  /**
   * The full chain and a checkpoint signed at its head, verifiable offline with only the public key.
   * Entries the caller may not read (a liaison: other districts) are withheld as links only
   * (`{ seq, prevHash, hash, redacted }`), so the chain still verifies without disclosing them.
   */
  async export(user: AuthenticatedUser): Promise<SharingLogExport & { publicKeyPem: string }> {
    return this.ds.transaction(async (m) => {
      const rows = await m.getRepository(SharingLogRow).find({ order: { seq: 'ASC' } });
      const head = rows[rows.length - 1];
      const headSeq = head ? Number(head.seq) : 0;
      const cp = await m.getRepository(CheckpointRow).findOneBy({ seq: String(headSeq) });
      const checkpoint = cp ? checkpointView(cp) : head ? await this.writer.checkpoint(m, headSeq, head.hash) : null;
      return {
        format: SHARING_LOG_EXPORT_FORMAT,
        exportedAt: new Date().toISOString(),
        entries: rows.map((r) => {
          const entry = rowToEntry(r);
          return user.ability.can('read', asSubject('SharingLog', { district: r.district, caseAgencyIds: r.caseAgencyIds })) ? entry : redactEntry(entry);
        }),
        checkpoint,
        publicKeyPem: publicKeyPem(this.writer.publicKey),
      } as SharingLogExport & { publicKeyPem: string };
    });
  }

  publicKey() {
    return { algorithm: 'Ed25519', publicKey: this.writer.publicKey };
  }

  private async ownContribution(user: AuthenticatedUser, ctx: CaseContext, contributionId: string, m = this.ds.manager): Promise<Contribution> {
    const c = await m.getRepository(Contribution).findOneBy({ id: contributionId, caseId: ctx.record.id });
    if (!c) throw new NotFoundException('No such contribution');
    const sharedWith = (await m.query(
      'SELECT r.agency_id FROM disclosures d JOIN disclosure_recipients r ON r.disclosure_id = d.id WHERE d.contribution_id = $1', [c.id],
    ) as { agency_id: string }[]).map((r) => r.agency_id);
    const subject = asSubject('Contribution', { caseAgencyIds: ctx.agencyIds, agencyId: c.agencyId, sharedWithAgencyIds: sharedWith });
    if (!user.ability.can('read', subject)) throw new NotFoundException('No such contribution');
    if (!user.ability.can('share', subject)) throw new ForbiddenException({ code: 'FORBIDDEN', message: "Only the author's agency can share its contribution" });
    return c;
  }

  private async facts(user: AuthenticatedUser, ctx: CaseContext, c: Contribution, dto: CreateDisclosureDto, m = this.ds.manager): Promise<DisclosureFacts> {
    const protocol = await m.getRepository(Protocol).findOneByOrFail({ id: ctx.record.protocolId });
    let consent: Consent | null = null;
    if (dto.consentId) consent = await m.getRepository(Consent).findOneBy({ id: dto.consentId, caseId: ctx.record.id });
    return {
      today: todayInBrussels(),
      protocol: { status: protocol.status, validFrom: protocol.validFrom, validUntil: protocol.validUntil, signatoryAgencyIds: ctx.protocolAgencyIds, dataCategories: protocol.dataCategories },
      caseStage: ctx.record.stage as Stage,
      caseAgencyIds: ctx.agencyIds,
      fromAgencyId: user.agencyId,
      toAgencyIds: dto.toAgencyIds,
      categories: (dto.categories ?? [c.category]) as DataCategory[],
      legalBasis: dto.legalBasis,
      justification: dto.justification ?? null,
      consent: consent ? consentFacts(consent) : null,
    };
  }

  private async agencyNames(ids: string[], m = this.ds.manager): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await m.getRepository(Agency).findBy({ id: In(unique) }) : [];
    return new Map(rows.map((a) => [a.id, a.name]));
  }

  private entryView(e: ReturnType<typeof rowToEntry>, names: Map<string, string>) {
    return {
      ...e,
      fromAgency: { id: e.fromAgencyId, name: names.get(e.fromAgencyId) ?? null },
      toAgencies: e.toAgencyIds.map((id) => ({ id, name: names.get(id) ?? null })),
    };
  }
}
