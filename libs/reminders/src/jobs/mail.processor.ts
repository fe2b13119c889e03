import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, type JobName, QUEUES } from '@app/platform';
import { MailDelivery } from '../delivery/mail-delivery.service';
import type { SendNotificationsJob } from './reminder-timers.service';

/** The mail queue: batches of notification e-mails, and the scheduler's digest job. */
@Processor(QUEUES.mail, { concurrency: 8, lockDuration: 60_000, stalledInterval: 5000 })
export class MailProcessor extends WorkerHost {
  private readonly logger = new Logger('MailDelivery');

  constructor(private readonly delivery: MailDelivery) {
    super();
  }

  async process(job: Job<unknown, unknown, JobName<'mail'>>): Promise<unknown> {
    switch (job.name) {
      case JOBS.mail.notifications:
        return this.delivery.sendNotifications((job.data as SendNotificationsJob).notificationIds);
      case JOBS.mail.digest:
        return this.delivery.sendDigests();
      default:
        this.logger.warn(`ignored a job named ${String(job.name)}`);
        return null;
    }
  }
}
