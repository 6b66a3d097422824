import { Injectable, Logger, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { NOTIFICATION_JOBS, QUEUE_NAMES } from '@schakel/platform';
import type { NotificationType } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { decodeCursor, toPage } from '../../common/pagination/cursor';
import type { ListQueryDto } from '../../common/pagination/list-query.dto';
import { RuntimeConfig } from '../../config/runtime-config';
import { QueueService } from '../jobs/queue.service';
import { Notification } from './notification.entity';

export interface NotificationInput {
  type: NotificationType;
  caseId?: string | null;
  caseReference?: string | null;
  subjectId?: string | null;
  dedupeKey?: string | null;
}

const PENDING = 'schakel:pendingNotificationMails';

/**
 * The in-app inbox, and the hand-off of e-mail to the worker. Rows are written in the caller's
 * transaction; the mail jobs are queued only once that transaction commits, so the worker never
 * looks for a notification that is not there (or that was rolled back).
 */
@Injectable()
export class NotificationsService implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queues: QueueService,
    private readonly config: RuntimeConfig,
  ) {}

  onModuleInit(): void {
    this.ds.subscribers.push(this);
  }

  /** Notifies these users (duplicates and empty ids dropped); returns the new notification ids. */
  async notify(m: EntityManager, userIds: (string | null | undefined)[], input: NotificationInput): Promise<string[]> {
    const ids = [...new Set(userIds.filter((x): x is string => !!x))];
    if (!ids.length) return [];
    const rows: { id: string }[] = await m.query(
      `INSERT INTO notifications (user_id, type, case_id, case_reference, subject_id, dedupe_key)
       SELECT u, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS u
       ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
      [ids, input.type, input.caseId ?? null, input.caseReference ?? null, input.subjectId ?? null, input.dedupeKey ?? null],
    );
    const created = rows.map((r) => r.id);
    if (this.config.env.SMTP_URL && created.length) {
      const qr = m.queryRunner;
      if (qr?.isTransactionActive) {
        const pending = ((qr.data as Record<string, string[]>)[PENDING] ??= []);
        pending.push(...created);
      } else {
        await this.enqueue(created);
      }
    }
    return created;
  }

  /** Active users of these agencies holding one of these roles (the audience of agency-wide events). */
  async usersOf(m: EntityManager, agencyIds: string[], roles: string[]): Promise<string[]> {
    if (!agencyIds.length) return [];
    const rows: { id: string }[] = await m.query('SELECT id FROM users WHERE active AND agency_id = ANY($1) AND roles && $2::text[]', [agencyIds, roles]);
    return rows.map((r) => r.id);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, string[] | undefined>;
    const pending = data[PENDING];
    if (!pending?.length) return;
    data[PENDING] = [];
    this.enqueue(pending).catch((e: Error) => this.logger.warn(`could not queue ${pending.length} notification e-mail(s): ${e.message}`));
  }

  private async enqueue(ids: string[]): Promise<void> {
    const queue = this.queues.queue(QUEUE_NAMES.notifications);
    await queue.addBulk(ids.map((id) => ({ name: NOTIFICATION_JOBS.mail, data: { notificationId: id }, opts: { jobId: `mail-${id}` } })));
  }

  async list(user: AuthenticatedUser, q: ListQueryDto & { unread?: boolean }) {
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor);
    const qb = this.ds
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :me', { me: user.id })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit + 1);
    if (q.unread) qb.andWhere('n.read_at IS NULL');
    if (cursor) qb.andWhere('(n.created_at, n.id) < (:k::timestamptz, :cid::uuid)', { k: cursor.k, cid: cursor.id });
    const [rows, unread] = await Promise.all([
      qb.getMany(),
      this.ds.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :me AND n.read_at IS NULL', { me: user.id }).getCount(),
    ]);
    return { ...toPage(rows, limit, (n) => ({ k: n.createdAt.toISOString(), id: n.id }), notificationView), unread };
  }

  async markRead(user: AuthenticatedUser, id: string) {
    const repo = this.ds.getRepository(Notification);
    const n = await repo.findOneBy({ id, userId: user.id });
    if (!n) throw new NotFoundException('No such notification');
    if (!n.readAt) {
      await repo.update({ id, userId: user.id }, { readAt: new Date() });
      n.readAt = (await repo.findOneByOrFail({ id })).readAt;
    }
    return notificationView(n);
  }

  async markAllRead(user: AuthenticatedUser) {
    const r = await this.ds.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [user.id]);
    return { marked: (r as [unknown, number])[1] ?? 0 };
  }
}

export function notificationView(n: Notification) {
  return {
    id: n.id,
    type: n.type,
    caseId: n.caseId,
    caseReference: n.caseReference,
    subjectId: n.subjectId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
