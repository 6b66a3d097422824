import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LoginAudit, type LoginEvent } from './entities/login-audit.entity';

export interface AuditContext {
  ip?: string | null;
  actorId?: string | null;
}

@Injectable()
export class LoginAuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Records a security event; pass the transaction's manager to write it with the change it describes. */
  async record(event: LoginEvent, userId: string | null, ctx: AuditContext = {}, detail: Record<string, unknown> = {}, manager?: EntityManager): Promise<void> {
    await (manager ?? this.ds.manager).insert(LoginAudit, { event, userId, actorId: ctx.actorId ?? null, ip: ctx.ip ?? null, detail: detail as never });
  }
}
