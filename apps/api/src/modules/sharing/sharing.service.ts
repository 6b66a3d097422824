import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { asSubject, rulesToSql, type FieldSqlMap } from '@schakel/authz';
import {
  availableLegalBases,
  checkDisclosure,
  primaryRefusal,
  todayInBrussels,
  useRestrictionFor,
  type DataCategory,
  type DisclosureFacts,
  type LegalBasis,
  type Stage,
} from '@schakel/domain';
import {
  ENTRY_COLUMNS,
  entryFromRow,
  entryLeafHash,
  publicKeyPem,
  rawEd25519PublicKey,
  parsePublicKey,
  redactEntry,
  SHARING_LOG_EXPORT_FORMAT_V2,
  verifierKey,
  verifyStoredLog,
  type EntryRow,
  type SharingLogEntry,
  type SharingLogExportV2,
} from '@schakel/platform';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { unprocessable } from '../../common/http/domain-error';
import { pageRequest, toPage } from '../../common/pagination/cursor';
import { agenciesByIds, agencyNames } from '../agencies/agency-directory';
import { CaseAccessService, type CaseContext } from '../cases/case-access.service';
import { TimelineService } from '../cases/timeline.service';
import { consentOf, givenConsents, type ConsentTerms } from '../consent/consent-directory';
import { contributionOf, type ContributionRef } from '../contributions/contribution-facts';
import { CaseKeysService } from '../crypto/case-keys.service';
import { DANGER_STATEMENT, JUSTIFICATION, JUSTIFICATION_NONCE } from './justification-seal';
import { LegalBasesService, type LegalBasisTable } from '../legal-bases/legal-bases.service';
import { annotateEntries } from './disclosure-annotations';
import { disclosurePerson } from './disclosure-person';
import { SharingLogVerifyPool } from './verify-pool';
import { protocolTerms } from '../protocols/protocol-directory';
import type { CreateDisclosureDto } from './dto/disclosure.dto';
import type { SharingLogQuery } from './dto/sharing-log.query';
import { rowToEntry, sqlOf, SharingLogWriter } from './sharing-log.writer';
import { Disclosure, DisclosureRecipient, SharingLogRow } from './sharing.entities';

function consentFacts(c: ConsentTerms): NonNullable<DisclosureFacts['consent']> {
  return {
    status: c.status,
    validUntil: c.validUntil,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    agencyIds: c.scopeAgencyIds,
    dataCategories: c.scopeDataCategories,
  };
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
    private readonly legalBasisTable: LegalBasesService,
    private readonly verifyPool: SharingLogVerifyPool,
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
      const table = await this.legalBasisTable.table(m);
      const facts = await this.facts(user, ctx, contribution, dto, m, table);
      const refusals = checkDisclosure(facts);
      const first = primaryRefusal(refusals);
      if (first) throw unprocessable(first.code, first.message, { refusals });

      const justification = dto.justification?.trim() || null;
      const consentId = dto.legalBasis === 'CONSENT' ? (dto.consentId ?? null) : null;
      const protocol = await protocolTerms(m, ctx.record.protocolId);
      // The article in force on the day of the disclosure, kept with it: the Code is renumbered on 2026-04-08.
      const legalReference = table.referenceOn(dto.legalBasis, facts.today);
      const basisFields = {
        personId: facts.personId ?? null,
        dangerStatement: dto.dangerStatement?.trim() || null,
        provision: dto.provision?.trim() || null,
      };
      const entry = await this.writer.append(
        m,
        {
          caseId,
          protocolId: protocol.id,
          contributionId,
          fromAgencyId: user.agencyId,
          fromUserId: user.id,
          toAgencyIds: [...dto.toAgencyIds].sort(),
          legalBasis: dto.legalBasis,
          categories: [...facts.categories].sort(),
          justification,
          consentId,
          legalReference,
        },
        { district: protocol.district, caseAgencyIds: ctx.agencyIds },
      );
      // Text and commitment key live under the case's data key (ADR 0009): erasing the case erases both.
      const cipher = await this.caseKeys.cipher(caseId, m);
      const disclosure = await m.getRepository(Disclosure).save(
        m.getRepository(Disclosure).create({
          caseId,
          contributionId,
          fromAgencyId: user.agencyId,
          fromUserId: user.id,
          legalBasis: dto.legalBasis,
          consentId,
          justification: cipher.sealNullable(justification, JUSTIFICATION),
          justificationNonce: cipher.sealNullable(entry.justificationNonce, JUSTIFICATION_NONCE),
          logSeq: String(entry.seq),
          legalReference,
          ...basisFields,
          dangerStatement: cipher.sealNullable(basisFields.dangerStatement, DANGER_STATEMENT),
        }),
      );
      await m.getRepository(DisclosureRecipient).insert(dto.toAgencyIds.map((agencyId) => ({ disclosureId: disclosure.id, agencyId })));
      await this.timeline.record(m, caseId, user, 'DISCLOSURE', {
        disclosureId: disclosure.id,
        contributionId,
        toAgencyIds: entry.toAgencyIds,
        legalBasis: entry.legalBasis,
        seq: entry.seq,
      });
      const names = await this.agencyNames([entry.fromAgencyId, ...entry.toAgencyIds], m);
      return {
        disclosureId: disclosure.id,
        ...this.entryView(entry, names),
        legalReference,
        ...basisFields,
        useRestriction: useRestrictionFor(dto.legalBasis),
        ...(table.conditionsOf(dto.legalBasis).dpoReview ? { reviewStatus: 'PENDING' as const } : {}),
      };
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
    const table = await this.legalBasisTable.table();
    const {
      legalBasis: _b,
      consent,
      justification: _j,
      conditions: _c,
      personId: _p,
      dangerStatement: _d,
      provision: _v,
      ...base
    } = await this.facts(user, ctx, contribution, { toAgencyIds, legalBasis: 'CONSENT', consentId }, this.ds.manager, table);
    const candidates = consentId
      ? consent
        ? [{ id: consentId, consent }]
        : []
      : (await givenConsents(this.ds.manager, caseId)).map((c) => ({ id: c.id, consent: consentFacts(c) }));
    const today = todayInBrussels();
    const items = availableLegalBases(base, candidates, (b) => table.conditionsOf(b)).map((o) => ({ ...o, reference: table.referenceOn(o.legalBasis, today) }));
    return { items };
  }

  async list(user: AuthenticatedUser, q: SharingLogQuery) {
    const { limit, cursor } = pageRequest(q);
    const scope = rulesToSql(user.ability, 'read', 'SharingLog', LOG_SCOPE_FIELDS);
    const qb = this.ds
      .getRepository(SharingLogRow)
      .createQueryBuilder('l')
      .where(scope.sql, scope.params)
      .orderBy('l.seq', 'DESC')
      .take(limit + 1);
    if (q.protocolId) qb.andWhere('l.protocol_id = :protocolId', { protocolId: q.protocolId });
    if (q.caseId) qb.andWhere('l.case_id = :caseId', { caseId: q.caseId });
    if (q.from) qb.andWhere('l.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('l.at < (:to::date + 1)', { to: q.to.slice(0, 10) });
    if (cursor) qb.andWhere('l.seq < :cseq', { cseq: cursor.id });
    const rows = await qb.getMany();
    const names = await this.agencyNames(rows.flatMap((r) => [r.fromAgencyId, ...r.toAgencyIds]));
    const caseIds = [...new Set(rows.map((r) => r.caseId))];
    const refs = new Map<string, string>(
      caseIds.length
        ? ((await this.ds.query('SELECT id, reference FROM cases WHERE id = ANY($1)', [caseIds])) as { id: string; reference: string }[]).map((r) => [
            r.id,
            r.reference,
          ])
        : [],
    );
    const texts = await this.justifications(rows.filter((r) => r.version === 2).map((r) => r.seq));
    const page = toPage(
      rows,
      limit,
      (r) => ({ k: '', id: r.seq }),
      (r) => ({
        ...this.entryView(this.withJustification(rowToEntry(r), texts), names),
        caseReference: refs.get(r.caseId) ?? null,
      }),
    );
    return { ...page, items: await annotateEntries(this.ds.manager, page.items) };
  }

  /**
   * Recomputes the whole log from its rows (streamed, on worker threads) and checks the tree against the
   * latest signed checkpoint and every cosigned one; names the first broken entry.
   */
  async verify() {
    // Ranges of the log are verified by worker threads, each on its own connection (binary COPY):
    // every core works on it and this event loop only folds their results (ADR 0006).
    const v = await this.verifyPool.use((workers) => verifyStoredLog(sqlOf(this.ds.manager), this.writer.signer, { run: workers.run, parallel: workers.size }));
    return {
      valid: v.valid,
      entries: v.entries,
      treeSize: v.treeSize,
      rootHash: v.rootHash,
      ...(v.firstBrokenSeq !== undefined ? { firstBrokenSeq: v.firstBrokenSeq } : {}),
      ...(v.reason ? { reason: v.reason } : {}),
      checkpoint: v.checkpoint ? { seq: v.checkpoint.size, size: v.checkpoint.size, at: v.checkpoint.signedAt, valid: v.checkpoint.valid } : null,
    };
  }

  /**
   * Every entry up to the latest signed checkpoint (signed now, after verifying, when entries are
   * not yet covered), verifiable offline with only the public key. Entries the caller may not read
   * (a liaison: other districts) are withheld as links with their leaf hash, so the tree still checks.
   */
  async export(user: AuthenticatedUser): Promise<SharingLogExportV2 & { publicKeyPem: string; verifierKey: string }> {
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      const { head } = await this.writer.checkpointAtHead(m);
      const size = head?.size ?? 0;
      const entries: SharingLogExportV2['entries'] = [];
      for (let after = 0; after < size;) {
        const rows = (await m.query(`SELECT ${ENTRY_COLUMNS} FROM sharing_log WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT 5000`, [
          after,
          size,
        ])) as EntryRow[];
        const last = rows.at(-1);
        if (!last) break;
        const texts = await this.justifications(
          rows.filter((r) => Number(r.version) === 2).map((r) => String(r.seq)),
          m,
        );
        const batch = rows.map((r) => {
          const entry = entryFromRow(r);
          const readable = user.ability.can('read', asSubject('SharingLog', { district: r.district, caseAgencyIds: r.case_agency_ids }));
          return readable ? this.withJustification(entry, texts, true) : redactEntry(entry, entryLeafHash(entry).toString('base64'));
        });
        // The provision and the art. 458ter §2 use restriction travel with each readable entry (outside the hash).
        entries.push(...((await annotateEntries(m, batch)) as SharingLogExportV2['entries']));
        after = Number(last.seq);
      }
      const checkpoint = head
        ? { origin: this.writer.signer.origin, size: head.size, rootHash: head.rootHash.toString('base64'), note: head.note }
        : { origin: this.writer.signer.origin, size: 0, rootHash: '', note: '' };
      // Entries last: the offline verifier reads the checkpoint first and then streams the entries.
      return {
        format: SHARING_LOG_EXPORT_FORMAT_V2,
        exportedAt: new Date().toISOString(),
        checkpoint,
        publicKeyPem: publicKeyPem(this.writer.publicKey),
        verifierKey: verifierKey(this.writer.signer.origin, rawEd25519PublicKey(parsePublicKey(this.writer.publicKey))),
        entries,
      };
    });
  }

  /**
   * The justification texts of v2 entries, from their disclosures (contribution or person), where the
   * text lives under the case's data key while it is readable; after erasure they read as null.
   */
  private async justifications(seqs: string[], m = this.ds.manager): Promise<Map<string, { text: string | null; nonce: string | null }>> {
    if (!seqs.length) return new Map();
    const rows = (await m.query(
      `SELECT log_seq::text AS seq, case_id, justification, justification_nonce FROM disclosures WHERE log_seq = ANY($1::bigint[])
       UNION ALL SELECT log_seq::text, case_id, justification, justification_nonce FROM person_disclosures WHERE log_seq = ANY($1::bigint[])`,
      [seqs],
    )) as { seq: string; case_id: string; justification: string | null; justification_nonce: string | null }[];
    const ciphers = await this.caseKeys.ciphers(
      rows.map((r) => r.case_id),
      m,
    );
    return new Map(
      rows.map((r) => {
        const cipher = ciphers.get(r.case_id)!;
        return [r.seq, { text: cipher.open(r.justification, JUSTIFICATION), nonce: cipher.open(r.justification_nonce, JUSTIFICATION_NONCE) }];
      }),
    );
  }

  private withJustification(e: SharingLogEntry, texts: Map<string, { text: string | null; nonce: string | null }>, withNonce = false): SharingLogEntry {
    if (e.version !== 'v2') return e;
    const t = texts.get(String(e.seq));
    if (!t?.text || !t.nonce) return { ...e, justification: null };
    return withNonce ? { ...e, justification: t.text, justificationNonce: t.nonce } : { ...e, justification: t.text };
  }

  publicKey() {
    return { algorithm: 'Ed25519' as const, publicKey: this.writer.publicKey };
  }

  private async ownContribution(user: AuthenticatedUser, ctx: CaseContext, contributionId: string, m = this.ds.manager): Promise<ContributionRef> {
    const c = await contributionOf(m, ctx.record.id, contributionId);
    if (!c) throw new NotFoundException('No such contribution');
    const sharedWith = (
      (await m.query('SELECT r.agency_id FROM disclosures d JOIN disclosure_recipients r ON r.disclosure_id = d.id WHERE d.contribution_id = $1', [c.id])) as {
        agency_id: string;
      }[]
    ).map((r) => r.agency_id);
    const subject = asSubject('Contribution', { caseAgencyIds: ctx.agencyIds, agencyId: c.agencyId, sharedWithAgencyIds: sharedWith });
    if (!user.ability.can('read', subject)) throw new NotFoundException('No such contribution');
    if (!user.ability.can('share', subject))
      throw new ForbiddenException({ code: 'FORBIDDEN', message: "Only the author's agency can share its contribution" });
    return c;
  }

  private async facts(
    user: AuthenticatedUser,
    ctx: CaseContext,
    c: ContributionRef,
    dto: CreateDisclosureDto,
    m: EntityManager,
    table: LegalBasisTable,
  ): Promise<DisclosureFacts> {
    const protocol = await protocolTerms(m, ctx.record.protocolId);
    const recipients = await agenciesByIds(m, dto.toAgencyIds);
    const consent = dto.consentId ? await consentOf(m, ctx.record.id, dto.consentId) : null;
    return {
      today: todayInBrussels(),
      protocol: {
        status: protocol.status,
        validFrom: protocol.validFrom,
        validUntil: protocol.validUntil,
        signatoryAgencyIds: ctx.protocolAgencyIds,
        dataCategories: protocol.dataCategories,
      },
      caseStage: ctx.record.stage as Stage,
      caseAgencyIds: ctx.agencyIds,
      fromAgencyId: user.agencyId,
      toAgencyIds: dto.toAgencyIds,
      categories: (dto.categories ?? [c.category]) as DataCategory[],
      legalBasis: dto.legalBasis,
      justification: dto.justification ?? null,
      consent: consent ? consentFacts(consent) : null,
      conditions: table.conditionsOf(dto.legalBasis as LegalBasis),
      recipientAgencies: Object.fromEntries(recipients.map((a) => [a.id, { type: a.type, emergencyService: a.emergencyService }])),
      personId: dto.personId ? await disclosurePerson(m, ctx.record.id, dto.personId) : null,
      dangerStatement: dto.dangerStatement ?? null,
      provision: dto.provision ?? null,
    };
  }

  private async agencyNames(ids: string[], m = this.ds.manager): Promise<Map<string, string>> {
    return agencyNames(m, ids);
  }

  private entryView(e: ReturnType<typeof rowToEntry>, names: Map<string, string>) {
    const { justificationNonce: _nonce, ...shown } = e;
    // The log holds what the API wrote from validated requests: its legal bases and categories are the domain's.
    return {
      ...shown,
      legalBasis: e.legalBasis as LegalBasis,
      categories: e.categories as DataCategory[],
      legalReference: e.legalReference ?? null,
      fromAgency: { id: e.fromAgencyId, name: names.get(e.fromAgencyId) ?? null },
      toAgencies: e.toAgencyIds.map((id) => ({ id, name: names.get(id) ?? null })),
    };
  }
}
