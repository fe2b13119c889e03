import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUES } from '@app/platform';

export const FIRE_REMINDER_JOB = 'fire';
export const SEND_NOTIFICATION_JOB = 'notification';

export interface FireReminderJob {
  jobId: string;
}
export interface SendNotificationJob {
  notificationId: string;
}

/** Attempts and backoff of an e-mail: 1 s, 2 s, 4 s, ... (about 17 minutes in all). */
export const MAIL_ATTEMPTS = 10;

/**
 * Redis is only the timer: one delayed job per planned reminder (job id = its deterministic id)
 * and one mail job per notification (job id = notification id). Adding an existing id is a no-op,
 * so reconciliation can re-add everything safely.
 */
@Injectable()
export class ReminderTimers {
  private readonly logger = new Logger('ReminderTimers');

  constructor(
    @InjectQueue(QUEUES.reminders) private readonly reminders: Queue,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue,
  ) {}

  async addReminders(rows: { jobId: string; fireAt: Date }[]): Promise<void> {
    if (!rows.length) return;
    const now = Date.now();
    await this.reminders.addBulk(
      rows.map((r) => ({
        name: FIRE_REMINDER_JOB,
        data: { jobId: r.jobId } satisfies FireReminderJob,
        opts: {
          jobId: r.jobId,
          delay: Math.max(0, r.fireAt.getTime() - now),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  async removeReminders(jobIds: string[]): Promise<void> {
    for (const id of jobIds) {
      try {
        await this.reminders.remove(id);
      } catch (error) {
        // An active (locked) job cannot be removed; it finds its planned row gone and does nothing.
        this.logger.debug(`could not remove ${id}: ${(error as Error).message}`);
      }
    }
  }

  async addMails(notificationIds: string[]): Promise<void> {
    if (!notificationIds.length) return;
    await this.mail.addBulk(
      notificationIds.map((id) => ({
        name: SEND_NOTIFICATION_JOB,
        data: { notificationId: id } satisfies SendNotificationJob,
        opts: {
          jobId: id,
          attempts: MAIL_ATTEMPTS,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }
}
