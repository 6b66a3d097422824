import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { chooseQueueBackend, installDefaultQueueBackend, QUEUE_NAMES } from '@schakel/platform';
import { PG_POOL, pgPoolProvider } from './database.provider';
import { HousekeepingProcessor } from './housekeeping/housekeeping.processor';
import { HousekeepingScheduler } from './housekeeping/housekeeping.scheduler';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { NotificationsScheduler } from './notifications/notifications.scheduler';
import { WorkerConfig } from './worker-config';

@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  static forRoot(config: WorkerConfig): DynamicModule {
    const backend = chooseQueueBackend(config.env.REDIS_URL, config.databaseUrl, config.env.QUEUE_PREFIX);
    installDefaultQueueBackend(backend);
    return {
      module: WorkerModule,
      imports: [
        BullModule.forRoot({ connection: backend.connection as never, prefix: backend.prefix }),
        BullModule.registerQueue({ name: QUEUE_NAMES.housekeeping }, { name: QUEUE_NAMES.notifications }),
      ],
      providers: [
        { provide: WorkerConfig, useValue: config },
        pgPoolProvider,
        HousekeepingProcessor,
        HousekeepingScheduler,
        NotificationsProcessor,
        NotificationsScheduler,
      ],
      exports: [WorkerConfig],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
