import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { isUuid, JOBS, QUEUES } from '@app/platform';
import { BallotClosing } from '../ballot-closing.service';
import { type CloseBallotJobData, closeJobId } from '../close-job';

/** Thrown when a job runs before closesAt (clock skew): BullMQ retries it with a backoff. */
class NotDueYet extends Error {}

/**
 * Persists a ballot's outcome at closesAt. Idempotent: it locks the ballot row and acts only
 * on an OPEN ballot whose closesAt has passed (by the database clock), so a duplicated, retried
 * or stale job (ballot cancelled or closed early) does nothing. On start it re-plans the close
 * of every OPEN ballot from PostgreSQL, so an emptied Redis loses nothing.
 */
@Processor(QUEUES.ballots)
export class CloseBallotProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('CloseBallot');

  constructor(
    private readonly closing: BallotClosing,
    @InjectQueue(QUEUES.ballots) private readonly queue: Queue<CloseBallotJobData>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const open = await this.closing.openClosingTimes();
    if (!open.length) return;
    await this.queue.addBulk(
      open.map((b) => ({
        name: JOBS.ballots.closeBallot,
        data: { ballotId: b.id },
        opts: {
          jobId: closeJobId(b.id, b.closesAt),
          delay: Math.max(0, b.closesAt.getTime() - Date.now()),
          attempts: 20,
          backoff: { type: 'fixed', delay: 1000 },
        },
      })),
    );
    this.logger.log(`Planned the close of ${open.length} open ballot(s)`);
  }

  async process(job: Job<CloseBallotJobData>): Promise<string> {
    const { ballotId } = job.data;
    if (!isUuid(ballotId)) return 'ignored';
    const result = await this.closing.closeIfDue(ballotId);
    if (result === 'not-due') throw new NotDueYet(`Ballot ${ballotId} does not close yet`);
    this.logger.debug(`close ${ballotId}: ${result}`);
    return result;
  }
}
