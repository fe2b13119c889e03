import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig, JOBS, QUEUES } from '@app/platform';

/** How often each worker checks that its job schedulers still exist in Redis. */
const SCHEDULER_CHECK_MS = 5000;

/**
 * The recurring jobs of reminders: outbox drain, reconciliation and the digest check, as
 * BullMQ job schedulers (one of each however many workers run). If Redis is emptied the
 * schedulers vanish with everything else, so each worker re-creates missing ones every few
 * seconds; the first run of a fresh reconciliation scheduler rebuilds every pending timer.
 */
@Injectable()
export class ReminderSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReminderSchedulers');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.outbox) private readonly outbox: Queue,
    @InjectQueue(QUEUES.reminders) private readonly reminders: Queue,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue,
  ) {}

  private get schedulers(): { queue: Queue; id: string; every: number; name: string }[] {
    return [
      { queue: this.outbox, id: 'outbox-drain', every: this.config.OUTBOX_POLL_MS, name: JOBS.outbox.drain },
      { queue: this.reminders, id: 'reminders-reconcile', every: this.config.RECONCILE_EVERY_MS, name: JOBS.reminders.reconcile },
      { queue: this.mail, id: 'mail-digest', every: this.config.DIGEST_EVERY_MS, name: JOBS.mail.digest },
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const s of this.schedulers) await this.upsert(s);
    this.timer = setInterval(() => void this.ensure(), SCHEDULER_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async upsert(s: { queue: Queue; id: string; every: number; name: string }): Promise<void> {
    await s.queue.upsertJobScheduler(
      s.id,
      { every: s.every },
      { name: s.name, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  /** Re-creates schedulers that disappeared (e.g. Redis FLUSHALL). */
  async ensure(): Promise<void> {
    for (const s of this.schedulers) {
      try {
        if (!(await s.queue.getJobScheduler(s.id))) {
          this.logger.warn(`job scheduler ${s.id} was missing: re-created`);
          await this.upsert(s);
        }
      } catch (error) {
        this.logger.debug(`scheduler check failed: ${(error as Error).message}`);
      }
    }
  }
}
