import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOBS, QUEUES } from '@app/platform';
import { chunk, mailBatchJobId, tickJobId, tickSlots } from './batching';

/** A tick fires every planned reminder due by then (all of them, not only those of its slot). */
export interface TickJob {
  /** The slot (epoch milliseconds) the tick stands for. */
  at: number;
}
/** A batch of notification e-mails. */
export interface SendNotificationsJob {
  notificationIds: string[];
}

/** Attempts and backoff of an e-mail batch: 1 s, 2 s, 4 s, ... (about 17 minutes in all). */
export const MAIL_ATTEMPTS = 10;
/** Notifications per mail job: both workers share a firing batch's e-mails. */
export const MAIL_BATCH = 50;

/**
 * Redis is only the timer. Planned reminders get one delayed "tick" job per TICK_MS slot in which
 * any of them becomes due (job id `tick-<slot ms>`), and new notifications one mail job per
 * MAIL_BATCH ids (job id from the ids). Adding an existing id is a no-op and a tick fires
 * whatever is due, so reconciliation can re-add everything safely.
 */
@Injectable()
export class ReminderTimers {
  constructor(
    @InjectQueue(QUEUES.reminders) private readonly reminders: Queue,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue,
  ) {}

  async addReminders(rows: { fireAt: Date }[]): Promise<void> {
    await this.addTicks(tickSlots(rows.map((r) => r.fireAt)));
  }

  /** Ticks at the given slots (epoch ms); past slots run at once. */
  async addTicks(slots: number[]): Promise<void> {
    if (!slots.length) return;
    const now = Date.now();
    await this.reminders.addBulk(
      slots.map((at) => ({
        name: JOBS.reminders.tick,
        data: { at } satisfies TickJob,
        opts: {
          jobId: tickJobId(at),
          delay: Math.max(0, at - now),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  async addMails(notificationIds: string[]): Promise<void> {
    if (!notificationIds.length) return;
    await this.mail.addBulk(
      chunk(notificationIds, MAIL_BATCH).map((ids) => ({
        name: JOBS.mail.notifications,
        data: { notificationIds: ids } satisfies SendNotificationsJob,
        opts: {
          jobId: mailBatchJobId(ids),
          attempts: MAIL_ATTEMPTS,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }
}
