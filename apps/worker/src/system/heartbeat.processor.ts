import { hostname } from 'node:os';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { AppConfig, JOBS, QUEUES } from '@app/platform';
import { HeartbeatRepository } from './heartbeat.repository';

export const HEARTBEAT_SCHEDULER = 'heartbeat';

/**
 * The worker's heartbeat: a job scheduler on the system queue whose job records the beat in
 * PostgreSQL, proving that Redis, BullMQ and the database all work together. Operators read
 * worker_heartbeat to see which workers are alive.
 */
@Processor(QUEUES.system)
export class HeartbeatProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('Heartbeat');
  private readonly workerId = `${hostname()}:${process.pid}`;

  constructor(
    @InjectQueue(QUEUES.system) private readonly queue: Queue,
    private readonly heartbeats: HeartbeatRepository,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent: every worker upserts the same scheduler, so there is one however many run.
    await this.queue.upsertJobScheduler(
      HEARTBEAT_SCHEDULER,
      { every: this.config.HEARTBEAT_EVERY_MS },
      { name: JOBS.system.heartbeat },
    );
  }

  async process(job: Job): Promise<void> {
    await this.heartbeats.beat(this.workerId);
    this.logger.debug(`heartbeat ${job.id}`);
  }
}
