import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ResponseOf } from '@schakel/contracts';
import type { DataSource } from 'typeorm';
import { RuntimeConfig } from '../../config/runtime-config';
import { QueueService } from '../jobs/queue.service';

type Readiness = ResponseOf<'Readiness'>;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly config: RuntimeConfig,
  ) {}

  async readiness(): Promise<Readiness> {
    const [database, queue] = await Promise.all([this.checkDatabase(), this.checkQueue()]);
    const ok = database.status === 'up' && queue.status === 'up';
    return { status: ok ? 'ok' : 'unavailable', checks: { database, queue } };
  }

  private async checkDatabase(): Promise<Readiness['checks']['database']> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'up', kind: this.config.databaseKind };
    } catch (e) {
      return { status: 'down', kind: this.config.databaseKind, detail: (e as Error).message };
    }
  }

  private async checkQueue(): Promise<Readiness['checks']['queue']> {
    try {
      await this.queues.ping();
      return { status: 'up', backend: this.queues.backend };
    } catch (e) {
      return { status: 'down', backend: this.queues.backend, detail: (e as Error).message };
    }
  }
}
