import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { Job, Queue } from 'bullmq';

/** What the read-only dashboard shows instead of a job's data, result or failure message. */
export const HIDDEN = '[hidden]';

/**
 * A queue as a SECRETARIAT sees it on the dashboard: read-only (Bull Board hides the buttons
 * and refuses changes), with queue names, counts, job names, ids, states, attempts and timings,
 * but without job data, results, failure messages, stack traces or logs. Queues are shared by
 * every initiative: jobs carry other initiatives' ids, and a failure message can quote an
 * e-mail address (an SMTP refusal).
 */
export class QueueOverviewAdapter extends BullMQAdapter {
  constructor(queue: Queue) {
    super(queue, { readOnlyMode: true });
    this.setFormatter('data', () => HIDDEN);
    this.setFormatter('returnValue', () => HIDDEN);
    this.setFormatter('progress', () => HIDDEN);
  }

  override async getJob(id: string): Promise<Job | undefined> {
    const job = await super.getJob(id);
    return job && withoutFailureDetails(job);
  }

  override async getJobs(...args: Parameters<BullMQAdapter['getJobs']>): Promise<Job[]> {
    return (await super.getJobs(...args)).map(withoutFailureDetails);
  }

  override getJobLogs(): Promise<string[]> {
    return Promise.resolve([]);
  }
}

/** The job as it is, except that its JSON form (what Bull Board sends) hides why it failed. */
function withoutFailureDetails(job: Job): Job {
  const json = () => {
    const full = job.toJSON();
    return { ...full, failedReason: full.failedReason ? HIDDEN : full.failedReason, stacktrace: [] as string[] };
  };
  return Object.create(job, { toJSON: { value: json } }) as Job;
}
