import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { VerifyWorkers } from '@schakel/platform';
import { DataSource } from 'typeorm';

/** How long the verification threads stay after the last verify: a second one soon after finds them started and compiled. */
const IDLE_MS = 60_000;

/**
 * The sharing log's verification threads (VerifyWorkers), started on the first verify and kept for a
 * minute after the last: a thread's start, its connection and its compiled hot loop cost about as
 * much as verifying 15,000 entries. Concurrent verifies share them.
 */
@Injectable()
export class SharingLogVerifyPool implements OnModuleDestroy {
  private workers: VerifyWorkers | null = null;
  private users = 0;
  private idle: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async use<T>(fn: (workers: VerifyWorkers) => Promise<T>): Promise<T> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.workers ??= new VerifyWorkers({ connectionString: (this.ds.options as { url: string }).url, application_name: 'schakel-verify' });
    const workers = this.workers;
    this.users++;
    try {
      return await fn(workers);
    } finally {
      if (--this.users === 0) this.idle = setTimeout(() => void this.close(), IDLE_MS).unref();
    }
  }

  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const workers = this.workers;
    this.workers = null;
    await workers?.close();
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}
