/**
 * Outbox topics of work items, for the reminders library. The outbox's CHECK constraint
 * (`^[a-z]+(\.[a-z_]+)+$`) allows no underscore before the first dot, so `work_item.created`
 * is spelt `workitem.created`. Payload: { workPlanId, workingGroupId, title, kind, dueAt
 * (ISO or null), ownerId, status } and, for `changed`, also `changed` (names among status,
 * ownerId, dueAt) and `previous` { status, ownerId, dueAt }.
 */
export const WORK_ITEM_TOPICS = {
  created: 'workitem.created',
  changed: 'workitem.changed',
  removed: 'workitem.removed',
} as const;
