import { createHash } from 'node:crypto';

/**
 * Job ids and batch shapes of the reminder timers, as plain functions (no Redis, no database).
 *
 * Timers are "ticks": one delayed job per TICK_MS slot in which at least one reminder becomes
 * due, whatever the number of reminders in it. A tick fires every due reminder (not only its
 * own), so a tick that runs late, twice or for nothing is harmless.
 */

/** Resolution of the reminder timers: a reminder fires at most this long after its fire time (plus work). */
export const TICK_MS = 250;

/** The tick slot that fires a reminder due at `fireAtMs`: the first slot boundary at or after it. */
export function tickAt(fireAtMs: number): number {
  return Math.ceil(fireAtMs / TICK_MS) * TICK_MS;
}

/** Deterministic BullMQ id of a tick (BullMQ refuses ':' in custom ids). */
export function tickJobId(at: number): string {
  return `tick-${at}`;
}

/** The distinct tick slots of some fire times, ascending. */
export function tickSlots(fireAts: Date[]): number[] {
  return [...new Set(fireAts.map((d) => tickAt(d.getTime())))].sort((a, b) => a - b);
}

/** Splits a list into chunks of at most `size` items, in order. */
export function chunk<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new Error('chunk size must be at least 1');
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Deterministic BullMQ id of a mail batch: the same set of notification ids always gives the
 * same id (re-adding a waiting batch is a no-op); different sets give different ids.
 */
export function mailBatchJobId(notificationIds: string[]): string {
  const hash = createHash('sha1')
    .update([...notificationIds].sort().join(','))
    .digest('hex')
    .slice(0, 24);
  return `mail-${hash}`;
}
