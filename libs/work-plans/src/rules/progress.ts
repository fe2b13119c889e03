/**
 * Progress maths, as pure functions. The counts and sums come from SQL aggregates (see
 * ProgressRepository); these functions only turn them into the contract's figures and combine
 * them (initiative totals), never loop over items.
 */

export type WorkItemStatusValue = 'NOT_STARTED' | 'IN_PROGRESS' | 'BLOCKED' | 'DONE' | 'CANCELLED';

/** dueAt has passed and the status is neither DONE nor CANCELLED. */
export function isOverdue(dueAt: Date | null, status: WorkItemStatusValue, now: Date): boolean {
  return dueAt !== null && dueAt.getTime() < now.getTime() && status !== 'DONE' && status !== 'CANCELLED';
}

/** One aggregate row: counts over the items that are not CANCELLED, and the sum of their percentComplete. */
export interface ProgressCounts {
  total: number;
  notStarted: number;
  inProgress: number;
  blocked: number;
  done: number;
  overdue: number;
  /** Sum of percentComplete over the counted items (DONE items hold 100). */
  percentSum: number;
}

export const NO_PROGRESS: ProgressCounts = {
  total: 0,
  notStarted: 0,
  inProgress: 0,
  blocked: 0,
  done: 0,
  overdue: 0,
  percentSum: 0,
};

/** The mean percentComplete, 0 when there are no counted items; rounded to 2 decimals. */
export function meanPercent(counts: Pick<ProgressCounts, 'total' | 'percentSum'>): number {
  if (counts.total === 0) return 0;
  return Math.round((counts.percentSum / counts.total) * 100) / 100;
}

/** Adds aggregate rows (e.g. every group's into the initiative's totals). */
export function sumCounts(rows: Iterable<ProgressCounts>): ProgressCounts {
  const sum = { ...NO_PROGRESS };
  for (const row of rows) {
    for (const key of Object.keys(sum) as (keyof ProgressCounts)[]) sum[key] += row[key];
  }
  return sum;
}

/** The number of items in Progress.nextDue. */
export const NEXT_DUE_LIMIT = 5;

/**
 * The soonest `limit` of several lists that are each sorted by dueAt (then id): e.g. the
 * initiative's nextDue from each plan's own top 5 (the global top 5 is among them).
 */
export function soonest<T extends { dueAt: Date | null; id: string }>(lists: Iterable<T[]>, limit = NEXT_DUE_LIMIT): T[] {
  const all = [...lists].flat().filter((item) => item.dueAt !== null);
  all.sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return all.slice(0, limit);
}
