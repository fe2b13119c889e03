import type { QUEUES } from './queue-names';

/**
 * Every BullMQ job name, by queue, in one typed list: producers add jobs under these names and
 * processors dispatch on them, so a job and its handler cannot drift apart. A name not listed here
 * is nobody's: its processor logs it and leaves it.
 */
export const JOBS = {
  system: {
    /** Records the worker's beat in PostgreSQL (a job scheduler). */
    heartbeat: 'heartbeat',
  },
  outbox: {
    /** Drains the outbox (a job scheduler). */
    drain: 'drain',
  },
  ballots: {
    /** Persists a ballot's outcome at closesAt. Data: { ballotId }. */
    closeBallot: 'close-ballot',
  },
  reminders: {
    /** Fires every planned reminder due by its slot. Data: { at } (epoch ms of the slot). */
    tick: 'tick',
    /** Repairs Redis from PostgreSQL: unplanned subjects, missing ticks, unsent e-mail (a job scheduler). */
    reconcile: 'reconcile',
  },
  mail: {
    /** E-mails a batch of notifications. Data: { notificationIds }. */
    notifications: 'notifications',
    /** Sends the daily digests that are due (a job scheduler). */
    digest: 'digest',
  },
} as const satisfies Record<keyof typeof QUEUES, Record<string, string>>;

/** The job names of one queue, e.g. `JobName<'reminders'>` = 'tick' | 'reconcile'. */
export type JobName<Q extends keyof typeof JOBS> = (typeof JOBS)[Q][keyof (typeof JOBS)[Q]];
