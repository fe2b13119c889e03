/** Every BullMQ queue of the platform, in one place. */
export const QUEUES = {
  /** Worker housekeeping: the heartbeat. */
  system: 'system',
  /** Turns outbox rows into planned reminder and ballot jobs. */
  outbox: 'outbox',
  /** Delayed jobs that close ballots at closesAt. */
  ballots: 'ballots',
  /** Delayed reminder jobs and reconciliation. */
  reminders: 'reminders',
  /** E-mail delivery with retries. */
  mail: 'mail',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
