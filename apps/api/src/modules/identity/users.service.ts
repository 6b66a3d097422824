import { BadRequestException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { pageRequest, toPage } from '../../common/pagination/cursor';
import { conflict } from '../../common/http/domain-error';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { agencyById } from '../agencies/agency-directory';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import type { UpdateMeDto } from './dto/update-me.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import { User } from './entities/user.entity';
import { LoginAuditService } from './login-audit.service';
import { hashPassword, verifyPassword } from './passwords';
import { requireStrongPassword } from './password-strength';
import { TokenService } from './token.service';
import { userView } from './user.view';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: LoginAuditService,
    private readonly tokens: TokenService,
  ) {}

  async list(q: ListUsersQuery) {
    const { limit, cursor } = pageRequest(q);
    const qb = this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(limit + 1);
    if (q.agencyId) qb.andWhere('u.agency_id = :agencyId', { agencyId: q.agencyId });
    if (cursor) qb.andWhere('(u.created_at, u.id) > (:k::timestamptz, :id::uuid)', { k: cursor.k, id: cursor.id });
    const rows = await qb.getMany();
    return toPage(rows, limit, (u) => ({ k: u.createdAt.toISOString(), id: u.id }), userView);
  }

  async get(id: string) {
    const user = await this.ds.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundException('No such user');
    return userView(user);
  }

  async create(dto: CreateUserDto, actor: AuthenticatedUser, ip: string | null) {
    await requireStrongPassword('password', dto.password, [dto.email, dto.displayName]);
    return this.ds.transaction(async (m) => {
      await this.requireAgency(m, dto.agencyId);
      const email = dto.email.trim().toLowerCase();
      if (await m.getRepository(User).existsBy({ email })) throw conflict('EMAIL_TAKEN', 'An account with this email already exists');
      const user = await m.getRepository(User).save(
        m.getRepository(User).create({
          email,
          displayName: dto.displayName.trim(),
          agencyId: dto.agencyId,
          roles: dto.roles,
          locale: dto.locale ?? 'nl',
          passwordHash: dto.password ? await hashPassword(dto.password) : null,
          active: true,
          mfaEnabled: false,
        }),
      );
      await this.audit.record('ROLES_CHANGED', user.id, { ip, actorId: actor.id }, { from: [], to: dto.roles }, m);
      return userView(user);
    });
  }

  async update(id: string, dto: UpdateUserDto, actor: AuthenticatedUser, ip: string | null) {
    if (dto.password) {
      const current = await this.ds.getRepository(User).findOneBy({ id });
      await requireStrongPassword('password', dto.password, [current?.email, current?.displayName, dto.displayName]);
    }
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(User);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException('No such user');
      if (dto.version !== undefined && user.version !== dto.version)
        throw conflict('STALE_VERSION', 'This account was changed by someone else; reload it', { currentVersion: user.version });
      if (id === actor.id && (dto.active === false || (dto.roles && !dto.roles.includes('admin')))) {
        throw new UnprocessableEntityException({ code: 'SELF_LOCKOUT', message: 'You cannot deactivate yourself or remove your own administrator role' });
      }
      if (dto.agencyId) await this.requireAgency(m, dto.agencyId);
      const ctx = { ip, actorId: actor.id };
      if (dto.roles && !sameSet(dto.roles, user.roles)) {
        await this.audit.record('ROLES_CHANGED', id, ctx, { from: user.roles, to: dto.roles }, m);
        user.roles = dto.roles;
      }
      if (dto.active !== undefined && dto.active !== user.active) {
        await this.audit.record(dto.active ? 'ACCOUNT_REACTIVATED' : 'ACCOUNT_DEACTIVATED', id, ctx, {}, m);
        if (!dto.active) await this.tokens.revokeAllForUser(id, m);
        user.active = dto.active;
      }
      if (dto.password) {
        user.passwordHash = await hashPassword(dto.password);
        user.failedLogins = 0;
        user.lockedUntil = null;
        await this.tokens.revokeAllForUser(id, m);
        await this.audit.record('PASSWORD_CHANGED', id, ctx, {}, m);
      }
      if (dto.unlock && (user.lockedUntil || user.failedLogins)) {
        user.failedLogins = 0;
        user.lockedUntil = null;
        await this.audit.record('ACCOUNT_UNLOCKED', id, ctx, {}, m);
      }
      if (dto.resetMfa) {
        user.mfaEnabled = false;
        user.mfaSecret = null;
        user.mfaLastStep = null;
        await this.audit.record('MFA_RESET', id, ctx, {}, m);
      }
      if (dto.displayName !== undefined) user.displayName = dto.displayName.trim();
      if (dto.agencyId !== undefined) user.agencyId = dto.agencyId;
      if (dto.locale !== undefined) user.locale = dto.locale;
      return userView(await repo.save(user));
    });
  }

  /** The caller's own profile: name, language, password (with the current one). */
  async updateOwn(actor: AuthenticatedUser, dto: UpdateMeDto, ip: string | null) {
    await requireStrongPassword('newPassword', dto.newPassword, [actor.email, actor.displayName, dto.displayName]);
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(User);
      const user = await repo.findOneOrFail({ where: { id: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (dto.newPassword !== undefined) {
        if (!user.passwordHash || !(await verifyPassword(user.passwordHash, dto.currentPassword ?? ''))) {
          throw new BadRequestException({
            code: 'VALIDATION_FAILED',
            message: 'Invalid request: currentPassword',
            details: [{ field: 'currentPassword', message: 'currentPassword is not your current password' }],
          });
        }
        user.passwordHash = await hashPassword(dto.newPassword);
        // The caller's own access token keeps working (the SPA stays signed in until it expires).
        await this.tokens.revokeRefreshTokens(user.id, m);
        await this.audit.record('PASSWORD_CHANGED', user.id, { ip, actorId: user.id }, {}, m);
      }
      if (dto.displayName !== undefined) user.displayName = dto.displayName.trim();
      if (dto.locale !== undefined) user.locale = dto.locale;
      return userView(await repo.save(user));
    });
  }

  private async requireAgency(m: EntityManager, agencyId: string): Promise<void> {
    const agency = await agencyById(m, agencyId);
    if (!agency || !agency.active) {
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: 'Invalid request: agencyId',
        details: [{ field: 'agencyId', message: 'agencyId must be an active agency' }],
      });
    }
  }
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
