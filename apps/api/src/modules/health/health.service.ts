import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RuntimeConfig } from '../../config/runtime-config';
import { QueueService } from '../jobs/queue.service';

export interface CheckResult { status: 'up' | 'down'; detail?: string; [k: string]: unknown }

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly config: RuntimeConfig,
  ) {}

  async readiness(): Promise<{ status: 'ok' | 'unavailable'; checks: { database: CheckResult; queue: CheckResult } }> {
    const [database, queue] = await Promise.all([this.checkDatabase(), this.checkQueue()]);
    const ok = database.status === 'up' && queue.status === 'up';
    return { status: ok ? 'ok' : 'unavailable', checks: { database, queue } };
  }

  private async checkDatabase(): Promise<CheckResult> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'up', kind: this.config.databaseKind };
    } catch (e) {
      return { status: 'down', kind: this.config.databaseKind, detail: (e as Error).message };
    }
  }

  private async checkQueue(): Promise<CheckResult> {
    try {
      await this.queues.ping();
      return { status: 'up', backend: this.queues.backend };
    } catch (e) {
      return { status: 'down', backend: this.queues.backend, detail: (e as Error).message };
    }
  }
}
