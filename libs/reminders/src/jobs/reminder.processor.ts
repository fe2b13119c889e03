import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, type JobName, QUEUES } from '@app/platform';
import { ReminderFiring } from '../firing/reminder-firing.service';
import { ReminderReconciliation } from '../firing/reminder-reconciliation.service';
import type { TickJob } from './reminder-timers.service';

/** The reminders queue: ticks fire what is due (ReminderFiring); the scheduler's job reconciles. */
@Processor(QUEUES.reminders, { concurrency: 4, lockDuration: 30_000, stalledInterval: 5000 })
export class ReminderProcessor extends WorkerHost {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly firing: ReminderFiring,
    private readonly reconciliation: ReminderReconciliation,
  ) {
    super();
  }

  async process(job: Job<unknown, unknown, JobName<'reminders'>>): Promise<unknown> {
    switch (job.name) {
      case JOBS.reminders.tick:
        return this.firing.tick((job.data as TickJob).at);
      case JOBS.reminders.reconcile:
        return this.reconciliation.reconcile();
      default:
        this.logger.warn(`ignored a job named ${String(job.name)}`);
        return null;
    }
  }
}
