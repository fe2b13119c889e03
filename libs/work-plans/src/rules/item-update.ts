import type { WorkItemStatusValue } from './progress';

/** Fields of UpdateWorkItemInput that change an item (everything but id and expectedVersion). */
export const UPDATABLE_FIELDS = [
  'title',
  'description',
  'ownerId',
  'dueAt',
  'status',
  'percentComplete',
  'dependsOnIds',
  'parentId',
] as const;
export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];

/** The fields the item's owner may change (contract: "status and percentComplete only"). */
export const OWNER_FIELDS: readonly UpdatableField[] = ['status', 'percentComplete'];

/** The fields an update names (present, even if null). */
export function fieldsNamed(input: Partial<Record<UpdatableField, unknown>>): UpdatableField[] {
  return UPDATABLE_FIELDS.filter((field) => input[field] !== undefined);
}

/**
 * Whether a caller may apply an update: editors (chairs, SECRETARIAT: policy action
 * workPlan.edit) change anything; the item's owner only status and percentComplete.
 */
export function mayUpdate(canEdit: boolean, isOwner: boolean, fields: readonly UpdatableField[]): boolean {
  if (canEdit) return true;
  return isOwner && fields.every((field) => OWNER_FIELDS.includes(field));
}

/**
 * The status and percentComplete after an update, or the problem with them. DONE sets
 * percentComplete to 100; naming another percentage together with DONE (or for a DONE item
 * whose status is not changed) is refused.
 */
export function nextProgress(
  current: { status: WorkItemStatusValue; percentComplete: number },
  change: { status?: WorkItemStatusValue | null; percentComplete?: number | null },
): { status: WorkItemStatusValue; percentComplete: number } | { field: 'status' | 'percentComplete'; message: string } {
  if (change.status === null) return { field: 'status', message: 'must not be null' };
  if (change.percentComplete === null) return { field: 'percentComplete', message: 'must not be null' };
  const status = change.status ?? current.status;
  const percent = change.percentComplete;
  if (percent !== undefined && (!Number.isInteger(percent) || percent < 0 || percent > 100)) {
    return { field: 'percentComplete', message: 'must be an integer from 0 to 100' };
  }
  if (status === 'DONE') {
    if (percent !== undefined && percent !== 100)
      return { field: 'percentComplete', message: 'must be 100 when the status is DONE' };
    return { status, percentComplete: 100 };
  }
  return { status, percentComplete: percent ?? current.percentComplete };
}
