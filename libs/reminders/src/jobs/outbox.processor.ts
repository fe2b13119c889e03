import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOBS, type JobName, QUEUES } from '@app/platform';
import { OutboxDrain } from '../outbox/outbox-drain.service';

/** The outbox queue: the scheduler's drain job. */
@Processor(QUEUES.outbox)
export class OutboxProcessor extends WorkerHost {
  private readonly logger = new Logger('Outbox');

  constructor(private readonly outbox: OutboxDrain) {
    super();
  }

  async process(job: Job<unknown, unknown, JobName<'outbox'>>): Promise<unknown> {
    switch (job.name) {
      case JOBS.outbox.drain:
        return this.outbox.drain();
      default:
        this.logger.warn(`ignored a job named ${String(job.name)}`);
        return null;
    }
  }
}
