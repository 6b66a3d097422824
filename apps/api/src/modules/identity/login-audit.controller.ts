import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, IsUUID } from 'class-validator';
import type { DataSource } from 'typeorm';
import { Authorize } from '../../common/auth/authorize.decorator';
import { ApiContract } from '../../common/openapi/api-contract.decorator';
import { pageRequest, toPage } from '../../common/pagination/cursor';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { LoginAudit } from './entities/login-audit.entity';

export class LoginAuditQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

@ApiTags('logs')
@Controller('login-audit')
export class LoginAuditController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Authorize('read', 'LoginAudit')
  @Get()
  @ApiContract('LoginAuditPage', 'logins, failures, lockouts, MFA and role changes, newest first')
  async list(@Query() q: LoginAuditQuery) {
    const { limit, cursor } = pageRequest(q);
    const qb = this.ds
      .getRepository(LoginAudit)
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .take(limit + 1);
    if (q.userId) qb.andWhere('a.user_id = :userId', { userId: q.userId });
    if (cursor) qb.andWhere('a.id < :id', { id: cursor.id });
    const rows = await qb.getMany();
    const ids = [...new Set(rows.flatMap((r) => [r.userId, r.actorId]).filter((x): x is string => !!x))];
    const names = new Map<string, string>(
      ids.length
        ? ((await this.ds.query('SELECT id, display_name FROM users WHERE id = ANY($1)', [ids])) as { id: string; display_name: string }[]).map((u) => [
            u.id,
            u.display_name,
          ])
        : [],
    );
    return toPage(
      rows,
      limit,
      (r) => ({ k: '', id: r.id }),
      (r) => ({
        id: r.id,
        at: r.at.toISOString(),
        event: r.event,
        userId: r.userId,
        userDisplayName: r.userId ? (names.get(r.userId) ?? null) : null,
        actorId: r.actorId,
        actorDisplayName: r.actorId ? (names.get(r.actorId) ?? null) : null,
        ip: r.ip,
        detail: r.detail,
      }),
    );
  }
}
