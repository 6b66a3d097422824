import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { rulesToSql, type Action } from '@schakel/authz';
import { checkProtocolTransition, type ProtocolAction, type ProtocolStatus } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { assertRowAccess } from '../../common/auth/row-access';
import { conflict } from '../../common/http/domain-error';
import { pageRequest, toPage } from '../../common/pagination/cursor';
import { Agency } from '../agencies/agency.entity';
import type { CreateProtocolDto } from './dto/create-protocol.dto';
import type { ListProtocolsQuery } from './dto/list-protocols.query';
import type { UpdateProtocolDto } from './dto/update-protocol.dto';
import { ProtocolAgency } from './protocol-agency.entity';
import { PROTOCOL_SCOPE_FIELDS } from './protocol-scope';
import { Protocol } from './protocol.entity';
import { protocolView } from './protocol.view';

export interface ProtocolWithAgencies { protocol: Protocol; agencyIds: string[] }

@Injectable()
export class ProtocolsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(user: AuthenticatedUser, q: ListProtocolsQuery) {
    const { limit, cursor } = pageRequest(q);
    const scope = rulesToSql(user.ability, 'read', 'Protocol', PROTOCOL_SCOPE_FIELDS);
    const qb = this.ds.getRepository(Protocol).createQueryBuilder('p').where(scope.sql, scope.params)
      .orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').take(limit + 1);
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (cursor) qb.andWhere('(p.created_at, p.id) < (:k::timestamptz, :cid::uuid)', { k: cursor.k, cid: cursor.id });
    const rows = await qb.getMany();
    const agencies = await this.agencyIdsOf(rows.map((r) => r.id));
    return toPage(rows, limit, (p) => ({ k: p.createdAt.toISOString(), id: p.id }), (p) => protocolView(p, agencies.get(p.id) ?? []));
  }

  async get(user: AuthenticatedUser, id: string) {
    const { protocol, agencyIds } = await this.loadVisible(user, id, 'read');
    return protocolView(protocol, agencyIds);
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
      const repo = m.getRepository(Protocol);
      const p = await repo.save(repo.create({
        title: dto.title.trim(), district: dto.district.trim(), purpose: dto.purpose.trim(), dataCategories: dto.dataCategories,
        retentionMonths: dto.retentionMonths, validFrom: dto.validFrom.slice(0, 10), validUntil: dto.validUntil?.slice(0, 10) ?? null,
        status: 'DRAFT', createdBy: user.id, revision: 1, amendsId: null,
      }));
      this.checkWindow(p);
      await m.getRepository(ProtocolAgency).insert(agencyIds.map((agencyId) => ({ protocolId: p.id, agencyId })));
      return protocolView(p, agencyIds);
    });
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateProtocolDto) {
    return this.ds.transaction(async (m) => {
      const { protocol: p, agencyIds } = await this.loadVisible(user, id, 'update', m, true);
      if (dto.version !== undefined && p.version !== dto.version) throw conflict('STALE_VERSION', 'This protocol was changed by someone else; reload it', { currentVersion: p.version });
      if (p.status !== 'DRAFT') throw conflict('PROTOCOL_NOT_DRAFT', 'Only a draft protocol can be edited; amend an approved one as a new version');
      if (dto.title !== undefined) p.title = dto.title.trim();
      if (dto.district !== undefined) p.district = dto.district.trim();
      if (dto.purpose !== undefined) p.purpose = dto.purpose.trim();
      if (dto.dataCategories !== undefined) p.dataCategories = dto.dataCategories;
      if (dto.retentionMonths !== undefined) p.retentionMonths = dto.retentionMonths;
      if (dto.validFrom !== undefined) p.validFrom = dto.validFrom.slice(0, 10);
      if (dto.validUntil !== undefined) p.validUntil = dto.validUntil?.slice(0, 10) ?? null;
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

  /** submit / approve / reject / suspend, with the state machine of libs/domain. */
  async decide(user: AuthenticatedUser, id: string, action: ProtocolAction, input: { reference?: string; reason?: string }) {
    return this.ds.transaction(async (m) => {
      const { protocol: p, agencyIds } = await this.loadVisible(user, id, action as Action, m, true);
      const verdict = checkProtocolTransition(p.status, action);
      if (!verdict.allowed) {
        throw conflict('PROTOCOL_TRANSITION_NOT_ALLOWED', `A ${p.status.toLowerCase()} protocol cannot be ${pastTense(action)}`, { status: p.status });
      }
      p.status = verdict.to as ProtocolStatus;
      if (action === 'submit') p.submittedAt = new Date();
      else {
        p.decidedAt = new Date();
        p.decidedBy = user.id;
        if (action === 'approve') p.reference = input.reference!.trim();
        else p.decisionReason = input.reason!.trim();
      }
      return protocolView(await m.getRepository(Protocol).save(p), agencyIds);
    });
  }

  /** An approved protocol never changes: an amendment is a new draft revision that needs its own approval. */
  async amend(user: AuthenticatedUser, id: string) {
    return this.ds.transaction(async (m) => {
      const { protocol: p, agencyIds } = await this.loadVisible(user, id, 'read', m, true);
      if (!user.ability.can('create', 'Protocol') || !agencyIds.includes(user.agencyId)) {
        throw new ForbiddenException({ code: 'FORBIDDEN', message: 'Only a case director of a signatory agency can amend this protocol' });
      }
      if (p.status !== 'APPROVED' && p.status !== 'SUSPENDED') throw conflict('PROTOCOL_NOT_APPROVED', 'Only an approved protocol is amended; edit a draft directly');
      const repo = m.getRepository(Protocol);
      const draft = await repo.save(repo.create({
        title: p.title, district: p.district, purpose: p.purpose, dataCategories: p.dataCategories, retentionMonths: p.retentionMonths,
        validFrom: p.validFrom, validUntil: p.validUntil, status: 'DRAFT', createdBy: user.id, revision: p.revision + 1, amendsId: p.id,
      }));
      await m.getRepository(ProtocolAgency).insert(agencyIds.map((agencyId) => ({ protocolId: draft.id, agencyId })));
      return protocolView(draft, agencyIds);
    });
  }

  private async loadVisible(user: AuthenticatedUser, id: string, action: Action, m: EntityManager = this.ds.manager, lock = false): Promise<ProtocolWithAgencies> {
    const protocol = await m.getRepository(Protocol).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!protocol) throw new NotFoundException('No such protocol');
    const agencyIds = (await m.getRepository(ProtocolAgency).findBy({ protocolId: id })).map((r) => r.agencyId);
    assertRowAccess(user, action, 'Protocol', { district: protocol.district, agencyIds, status: protocol.status }, 'protocol');
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
    const found = await m.getRepository(Agency).findBy({ id: In(ids), active: true });
    const missing = ids.filter((id) => !found.some((a) => a.id === id));
    if (missing.length) {
      throw new BadRequestException({ code: 'VALIDATION_FAILED', message: 'Invalid request: agencyIds', details: [{ field: 'agencyIds', message: `unknown or inactive agencies: ${missing.join(', ')}` }] });
    }
  }

  private checkWindow(p: Protocol): void {
    if (p.validUntil && p.validUntil < p.validFrom) {
      throw new BadRequestException({ code: 'VALIDATION_FAILED', message: 'Invalid request: validUntil', details: [{ field: 'validUntil', message: 'validUntil must not be before validFrom' }] });
    }
  }
}

function pastTense(a: ProtocolAction): string {
  return { submit: 'submitted', approve: 'approved', reject: 'rejected', suspend: 'suspended' }[a];
}
