import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { rulesToSql, type Action } from '@schakel/authz';
import {
  approvalProgress,
  checkProtocolTransition,
  isProtocolEditable,
  MIN_MOTIVATION_LENGTH,
  type ProtocolAction,
  type ProtocolStatus,
} from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { assertRowAccess } from '../../common/auth/row-access';
import { conflict, DomainError, unprocessable } from '../../common/http/domain-error';
import { pageRequest, toPage } from '../../common/pagination/cursor';
import { agenciesByIds } from '../agencies/agency-directory';
import { ProtocolRevisionService } from '../cases/protocol-revision.service';
import type { CreateProtocolDto } from './dto/create-protocol.dto';
import type { ListProtocolsQuery } from './dto/list-protocols.query';
import type { UpdateProtocolDto } from './dto/update-protocol.dto';
import { ProtocolAgency } from './protocol-agency.entity';
import { ProtocolApproval, ProtocolEvent } from './protocol-records.entities';
import { PROTOCOL_SCOPE_FIELDS } from './protocol-scope';
import { Protocol } from './protocol.entity';
import { protocolView } from './protocol.view';

export interface ProtocolWithAgencies {
  protocol: Protocol;
  agencyIds: string[];
}

@Injectable()
export class ProtocolsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly revisions: ProtocolRevisionService,
  ) {}

  async list(user: AuthenticatedUser, q: ListProtocolsQuery) {
    const { limit, cursor } = pageRequest(q);
    const scope = rulesToSql(user.ability, 'read', 'Protocol', PROTOCOL_SCOPE_FIELDS);
    const qb = this.ds
      .getRepository(Protocol)
      .createQueryBuilder('p')
      .where(scope.sql, scope.params)
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .take(limit + 1);
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (cursor) qb.andWhere('(p.created_at, p.id) < (:k::timestamptz, :cid::uuid)', { k: cursor.k, cid: cursor.id });
    const rows = await qb.getMany();
    const agencies = await this.agencyIdsOf(rows.map((r) => r.id));
    return toPage(
      rows,
      limit,
      (p) => ({ k: p.createdAt.toISOString(), id: p.id }),
      (p) => protocolView(p, agencies.get(p.id) ?? []),
    );
  }

  async get(user: AuthenticatedUser, id: string) {
    const { protocol, agencyIds } = await this.loadVisible(user, id, 'read');
    return this.detailView(protocol, agencyIds);
  }

  /** The full view: approvals with their motivation, what is still pending, and the protocol's history. */
  private async detailView(p: Protocol, agencyIds: string[], m: EntityManager = this.ds.manager) {
    const approvals = await m.getRepository(ProtocolApproval).find({ where: { protocolId: p.id }, order: { approvedAt: 'ASC' } });
    const events = await m.getRepository(ProtocolEvent).find({ where: { protocolId: p.id }, order: { id: 'ASC' } });
    const progress = approvalProgress(
      p.approverAgencyIds,
      approvals.map((a) => a.agencyId),
    );
    return {
      ...protocolView(p, agencyIds),
      approvals: approvals.map((a) => ({
        agencyId: a.agencyId,
        reference: a.reference,
        motivation: a.motivation,
        approvedBy: a.approvedBy,
        approvedAt: a.approvedAt.toISOString(),
      })),
      pendingApproverAgencyIds: p.status === 'SUBMITTED' ? progress.pendingAgencyIds : [],
      events: events.map((e) => ({ at: e.at.toISOString(), type: e.type, actorId: e.actorId, reason: e.reason, detail: e.detail })),
    };
  }

  /** For other modules: a protocol and its signatories, without access checks. */
  async findWithAgencies(id: string, manager: EntityManager = this.ds.manager): Promise<ProtocolWithAgencies | null> {
    const protocol = await manager.getRepository(Protocol).findOneBy({ id });
    if (!protocol) return null;
    const rows = await manager.getRepository(ProtocolAgency).findBy({ protocolId: id });
    return { protocol, agencyIds: rows.map((r) => r.agencyId) };
  }

  async create(user: AuthenticatedUser, dto: CreateProtocolDto) {
    const agencyIds = [...new Set([...dto.agencyIds, user.agencyId])];
    return this.ds.transaction(async (m) => {
      await this.requireAgencies(m, agencyIds);
      const approverAgencyIds = dto.approverAgencyIds ?? [];
      await this.requireApprovers(m, approverAgencyIds);
      const repo = m.getRepository(Protocol);
      const p = await repo.save(
        repo.create({
          title: dto.title.trim(),
          district: dto.district.trim(),
          purpose: dto.purpose.trim(),
          dataCategories: dto.dataCategories,
          retentionMonths: dto.retentionMonths,
          validFrom: dto.validFrom.slice(0, 10),
          validUntil: dto.validUntil?.slice(0, 10) ?? null,
          status: 'DRAFT',
          createdBy: user.id,
          revision: 1,
          amendsId: null,
          approverAgencyIds,
          modalities: dto.modalities ? { ...dto.modalities } : null,
        }),
      );
      this.checkWindow(p);
      await m.getRepository(ProtocolAgency).insert(agencyIds.map((agencyId) => ({ protocolId: p.id, agencyId })));
      return protocolView(p, agencyIds);
    });
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateProtocolDto) {
    return this.ds.transaction(async (m) => {
      const { protocol: p, agencyIds } = await this.loadVisible(user, id, 'update', m, true);
      if (dto.version !== undefined && p.version !== dto.version)
        throw conflict('STALE_VERSION', 'This protocol was changed by someone else; reload it', { currentVersion: p.version });
      if (!isProtocolEditable(p.status))
        throw conflict('PROTOCOL_NOT_DRAFT', 'Only a draft or rejected protocol can be edited; amend an approved one as a new version');
      if (dto.title !== undefined) p.title = dto.title.trim();
      if (dto.district !== undefined) p.district = dto.district.trim();
      if (dto.purpose !== undefined) p.purpose = dto.purpose.trim();
      if (dto.dataCategories !== undefined) p.dataCategories = dto.dataCategories;
      if (dto.retentionMonths !== undefined) p.retentionMonths = dto.retentionMonths;
      if (dto.validFrom !== undefined) p.validFrom = dto.validFrom.slice(0, 10);
      if (dto.validUntil !== undefined) p.validUntil = dto.validUntil?.slice(0, 10) ?? null;
      if (dto.modalities !== undefined) p.modalities = { ...dto.modalities };
      if (dto.approverAgencyIds !== undefined) {
        await this.requireApprovers(m, dto.approverAgencyIds);
        p.approverAgencyIds = dto.approverAgencyIds;
      }
      this.checkWindow(p);
      let ids = agencyIds;
      if (dto.agencyIds) {
        ids = [...new Set([...dto.agencyIds, user.agencyId])];
        await this.requireAgencies(m, ids);
        await m.getRepository(ProtocolAgency).delete({ protocolId: id });
        await m.getRepository(ProtocolAgency).insert(ids.map((agencyId) => ({ protocolId: id, agencyId })));
      }
      return protocolView(await m.getRepository(Protocol).save(p), ids);
    });
  }

  /**
   * submit / approve / reject / suspend / lift, with the state machine of libs/domain. An approval
   * needs a written motivation (art. 458ter: a *reasoned* authorisation); with several approver
   * offices the protocol stays SUBMITTED until the last one approves. Every step is logged with its reason.
   */
  async decide(user: AuthenticatedUser, id: string, action: ProtocolAction, input: { reference?: string; reason?: string; motivation?: string }) {
    return this.ds.transaction(async (m) => {
      const { protocol: p, agencyIds } = await this.loadVisible(user, id, action as Action, m, true);
      const verdict = checkProtocolTransition(p.status, action);
      if (!verdict.allowed) {
        throw conflict('PROTOCOL_TRANSITION_NOT_ALLOWED', `A ${p.status.toLowerCase()} protocol cannot be ${pastTense(action)}`, { status: p.status });
      }
      const events = m.getRepository(ProtocolEvent);
      const reason = input.reason?.trim() ?? null;
      if (action === 'approve') {
        const done = await this.recordApproval(m, user, p, input.reference!.trim(), input.motivation?.trim() ?? '');
        if (!done) return this.detailView(await m.getRepository(Protocol).save(p), agencyIds, m);
      }
      const from = p.status;
      p.status = verdict.to as ProtocolStatus;
      if (action === 'submit') {
        p.submittedAt = new Date();
        // A resubmitted protocol is approved afresh: earlier approvals were for the rejected text.
        if (from === 'REJECTED') await m.getRepository(ProtocolApproval).delete({ protocolId: p.id });
      } else {
        p.decidedAt = new Date();
        p.decidedBy = user.id;
        if (action === 'approve') {
          p.reference = input.reference!.trim();
          p.motivation = input.motivation!.trim();
        } else p.decisionReason = reason;
      }
      const saved = await m.getRepository(Protocol).save(p);
      await events.insert({
        protocolId: p.id,
        actorId: user.id,
        type: EVENT_OF[action](from),
        reason: action === 'approve' ? p.motivation : reason,
        detail: (action === 'approve' ? { reference: p.reference } : {}) as never,
      });
      if (action === 'approve' && p.amendsId) {
        const moved = await this.revisions.moveOpenCases(m, p.amendsId, { id: p.id, revision: p.revision }, user);
        await events.insert({
          protocolId: p.id,
          actorId: user.id,
          type: 'CASES_MOVED',
          reason: null,
          detail: { fromProtocolId: p.amendsId, count: moved.length },
        });
      }
      return this.detailView(saved, agencyIds, m);
    });
  }

  /** Records one office's approval; true when it was the last one needed. */
  private async recordApproval(m: EntityManager, user: AuthenticatedUser, p: Protocol, reference: string, motivation: string): Promise<boolean> {
    if (motivation.length < MIN_MOTIVATION_LENGTH) {
      throw unprocessable(
        'MOTIVATION_REQUIRED',
        `Art. 458ter requires a reasoned authorisation: write down why this protocol is approved (at least ${MIN_MOTIVATION_LENGTH} characters).`,
      );
    }
    if (p.approverAgencyIds.length > 0 && !p.approverAgencyIds.includes(user.agencyId)) {
      throw new DomainError(403, 'NOT_AN_APPROVER', 'Your prosecution office is not among the offices that must approve this protocol');
    }
    const approvals = m.getRepository(ProtocolApproval);
    if (await approvals.findOneBy({ protocolId: p.id, agencyId: user.agencyId })) {
      throw conflict('ALREADY_APPROVED', 'Your prosecution office already approved this protocol');
    }
    await approvals.insert({ protocolId: p.id, agencyId: user.agencyId, approvedBy: user.id, reference, motivation });
    const done = (await approvals.findBy({ protocolId: p.id })).map((a) => a.agencyId);
    const progress = approvalProgress(p.approverAgencyIds, done);
    if (!progress.complete) {
      await m.getRepository(ProtocolEvent).insert({
        protocolId: p.id,
        actorId: user.id,
        type: 'APPROVAL',
        reason: motivation,
        detail: { reference, agencyId: user.agencyId, pendingAgencyIds: progress.pendingAgencyIds },
      });
    }
    return progress.complete;
  }

  /** An approved protocol never changes: an amendment is a new draft revision that needs its own approval. */
  async amend(user: AuthenticatedUser, id: string) {
    return this.ds.transaction(async (m) => {
      const { protocol: p, agencyIds } = await this.loadVisible(user, id, 'read', m, true);
      if (!user.ability.can('create', 'Protocol') || !agencyIds.includes(user.agencyId)) {
        throw new ForbiddenException({ code: 'FORBIDDEN', message: 'Only a case director of a signatory agency can amend this protocol' });
      }
      if (p.status !== 'APPROVED' && p.status !== 'SUSPENDED')
        throw conflict('PROTOCOL_NOT_APPROVED', 'Only an approved protocol is amended; edit a draft directly');
      const repo = m.getRepository(Protocol);
      const draft = await repo.save(
        repo.create({
          title: p.title,
          district: p.district,
          purpose: p.purpose,
          dataCategories: p.dataCategories,
          retentionMonths: p.retentionMonths,
          validFrom: p.validFrom,
          validUntil: p.validUntil,
          status: 'DRAFT',
          createdBy: user.id,
          revision: p.revision + 1,
          amendsId: p.id,
          approverAgencyIds: p.approverAgencyIds,
          modalities: p.modalities,
        }),
      );
      await m.getRepository(ProtocolAgency).insert(agencyIds.map((agencyId) => ({ protocolId: draft.id, agencyId })));
      return protocolView(draft, agencyIds);
    });
  }

  private async loadVisible(
    user: AuthenticatedUser,
    id: string,
    action: Action,
    m: EntityManager = this.ds.manager,
    lock = false,
  ): Promise<ProtocolWithAgencies> {
    const protocol = await m.getRepository(Protocol).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!protocol) throw new NotFoundException('No such protocol');
    const agencyIds = (await m.getRepository(ProtocolAgency).findBy({ protocolId: id })).map((r) => r.agencyId);
    assertRowAccess(
      user,
      action,
      'Protocol',
      { district: protocol.district, agencyIds, status: protocol.status, approverAgencyIds: protocol.approverAgencyIds },
      'protocol',
    );
    return { protocol, agencyIds };
  }

  private async agencyIdsOf(protocolIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (!protocolIds.length) return map;
    for (const r of await this.ds.getRepository(ProtocolAgency).findBy({ protocolId: In(protocolIds) })) {
      map.set(r.protocolId, [...(map.get(r.protocolId) ?? []), r.agencyId]);
    }
    return map;
  }

  private async requireAgencies(m: EntityManager, ids: string[]): Promise<void> {
    const found = await agenciesByIds(m, ids, { active: true });
    const missing = ids.filter((id) => !found.some((a) => a.id === id));
    if (missing.length) {
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: 'Invalid request: agencyIds',
        details: [{ field: 'agencyIds', message: `unknown or inactive agencies: ${missing.join(', ')}` }],
      });
    }
  }

  /** Approvers are prosecution offices: only they give the art. 458ter authorisation. */
  private async requireApprovers(m: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await agenciesByIds(m, ids, { active: true, type: 'PROSECUTION' });
    const wrong = ids.filter((id) => !found.some((a) => a.id === id));
    if (wrong.length) {
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: 'Invalid request: approverAgencyIds',
        details: [{ field: 'approverAgencyIds', message: `not active prosecution agencies: ${wrong.join(', ')}` }],
      });
    }
  }

  private checkWindow(p: Protocol): void {
    if (p.validUntil && p.validUntil < p.validFrom) {
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: 'Invalid request: validUntil',
        details: [{ field: 'validUntil', message: 'validUntil must not be before validFrom' }],
      });
    }
  }
}

function pastTense(a: ProtocolAction): string {
  return { submit: 'submitted', approve: 'approved', reject: 'rejected', suspend: 'suspended', lift: 'lifted from suspension' }[a];
}

const EVENT_OF: Record<ProtocolAction, (from: ProtocolStatus) => string> = {
  submit: (from) => (from === 'REJECTED' ? 'RESUBMITTED' : 'SUBMITTED'),
  approve: () => 'APPROVED',
  reject: () => 'REJECTED',
  suspend: () => 'SUSPENDED',
  lift: () => 'SUSPENSION_LIFTED',
};
