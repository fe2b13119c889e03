import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOBS, QUEUES } from '@app/platform';

export interface CloseBallotJobData {
  ballotId: string;
}

/** Deterministic job id: the same ballot and closing time always give the same job. */
export function closeJobId(ballotId: string, closesAt: Date): string {
  return `close-${ballotId}-${closesAt.getTime()}`;
}

/** How long the gateway waits for Redis before giving up on enqueueing (the read path closes anyway). */
const ENQUEUE_TIMEOUT_MS = 1500;

/**
 * Plans the delayed job that persists a ballot's outcome at closesAt. Called after commit;
 * never fails the mutation: a ballot reads CLOSED from closesAt on without it, and the worker
 * re-plans every OPEN ballot from PostgreSQL when it starts.
 */
@Injectable()
export class CloseBallotScheduler {
  private readonly logger = new Logger('CloseBallotScheduler');

  constructor(@InjectQueue(QUEUES.ballots) private readonly queue: Queue<CloseBallotJobData>) {}

  async schedule(ballotId: string, closesAt: Date): Promise<boolean> {
    const adding = this.queue.add(
      JOBS.ballots.closeBallot,
      { ballotId },
      {
        jobId: closeJobId(ballotId, closesAt),
        delay: Math.max(0, closesAt.getTime() - Date.now()),
        attempts: 20,
        backoff: { type: 'fixed', delay: 1000 },
      },
    );
    adding.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([adding, timeout]);
      return true;
    } catch (error) {
      this.logger.warn(`Could not plan the close job of ballot ${ballotId}: ${(error as Error).message}`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
