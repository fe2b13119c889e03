import type { DeadlineSubject, DeadlineSubjectType } from '@app/platform';

/**
 * Reminder planning: which reminders a work item or ballot should have, as plain data.
 * No Nest, no database: the planner service feeds it the subject's current state (from its
 * domain's DeadlineSource) and the initiative's policy.
 */

export type ReminderKind = 'WORK_ITEM_DUE' | 'WORK_ITEM_OVERDUE' | 'BALLOT_OPENED' | 'BALLOT_CLOSING' | 'BALLOT_CLOSED';
/** Kinds of the notifications of discussions (issue 16), recorded from the outbox. */
export type DiscussionKind = 'AMENDMENT_PROPOSED' | 'AMENDMENT_RESOLVED' | 'COMMENT_REPLY';
export type NotificationKind = ReminderKind | 'INVITATION' | DiscussionKind;

/** The type of subject each kind of reminder is about (planned_reminder stores the kind, not the type). */
export const SUBJECT_TYPE_OF_KIND: Record<ReminderKind, DeadlineSubjectType> = {
  WORK_ITEM_DUE: 'WORK_ITEM',
  WORK_ITEM_OVERDUE: 'WORK_ITEM',
  BALLOT_OPENED: 'BALLOT',
  BALLOT_CLOSING: 'BALLOT',
  BALLOT_CLOSED: 'BALLOT',
};

const DAY_MS = 86_400_000;

export interface ReminderPolicyRule {
  /** Lead times before each deadline, in milliseconds (positive). */
  leadTimesMs: number[];
  /** Adds a reminder at the deadline (work items: overdue). */
  remindOverdue: boolean;
}

/** The default: 14 days, 7 days and 1 day before each deadline, and at the deadline. */
export const DEFAULT_POLICY: ReminderPolicyRule = { leadTimesMs: [14 * DAY_MS, 7 * DAY_MS, DAY_MS], remindOverdue: true };

export interface PlannedReminder {
  jobId: string;
  kind: ReminderKind;
  subjectId: string;
  initiativeId: string;
  /** Who receives it, as a stable key (part of the job id): a changed owner is a new reminder. */
  recipientKey: string;
  /** Lead time before the deadline; 0 at the deadline and for events (opened / closed). */
  leadMs: number;
  dueAt: Date;
  fireAt: Date;
}

/**
 * The deterministic BullMQ job id of a planned reminder: kind, subject, recipient set, lead
 * time and deadline. BullMQ refuses ':' in custom ids, so the parts are joined with '_'.
 */
export function reminderJobId(kind: ReminderKind, subjectId: string, recipientKey: string, leadMs: number, dueAt: Date): string {
  return ['rem', kind, subjectId, recipientKey, String(leadMs), String(dueAt.getTime())].join('_');
}

/** Sorted descending, positive whole milliseconds, without duplicates. */
export function normalizeLeadTimes(leadTimesMs: number[]): number[] {
  return [...new Set(leadTimesMs.filter((ms) => Number.isSafeInteger(ms) && ms > 0))].sort((a, b) => b - a);
}

/**
 * The reminders a subject should have now. With `now`, lead-time reminders whose moment has
 * passed are skipped (no burst of stale reminders); deadline (overdue) reminders and events
 * are kept. With `now = null` nothing is skipped: the full plan, used to check that a planned
 * reminder still applies when it fires.
 */
export function planReminders(subject: DeadlineSubject, policy: ReminderPolicyRule, now: Date | null): PlannedReminder[] {
  const plan: PlannedReminder[] = [];
  const add = (kind: ReminderKind, recipientKey: string, leadMs: number, dueAt: Date, fireAt: Date) =>
    plan.push({
      jobId: reminderJobId(kind, subject.id, recipientKey, leadMs, dueAt),
      kind,
      subjectId: subject.id,
      initiativeId: subject.initiativeId,
      recipientKey,
      leadMs,
      dueAt,
      fireAt,
    });
  const passed = (fireAt: Date) => now !== null && fireAt.getTime() < now.getTime();
  const leads = normalizeLeadTimes(policy.leadTimesMs);

  if (subject.type === 'WORK_ITEM') {
    if (!subject.dueAt || !subject.open) return plan;
    const dueAt = subject.dueAt;
    const dueKey = subject.ownerId ? `owner-${subject.ownerId}` : 'chairs';
    for (const leadMs of leads) {
      const fireAt = new Date(dueAt.getTime() - leadMs);
      if (!passed(fireAt)) add('WORK_ITEM_DUE', dueKey, leadMs, dueAt, fireAt);
    }
    if (policy.remindOverdue)
      add('WORK_ITEM_OVERDUE', subject.ownerId ? `owner-${subject.ownerId}-chairs` : 'chairs', 0, dueAt, dueAt);
    return plan;
  }

  if (subject.state === 'CANCELLED') return plan;
  add('BALLOT_OPENED', 'electorate', 0, subject.opensAt, subject.opensAt);
  if (subject.state === 'OPEN') {
    for (const leadMs of leads) {
      const fireAt = new Date(subject.closesAt.getTime() - leadMs);
      if (fireAt.getTime() >= subject.opensAt.getTime() && !passed(fireAt))
        add('BALLOT_CLOSING', 'non-voters', leadMs, subject.closesAt, fireAt);
    }
  } else {
    add('BALLOT_CLOSED', 'electorate', 0, subject.closesAt, subject.closedAt ?? subject.closesAt);
  }
  return plan;
}

/** Whether a planned reminder (by job id) is still part of the subject's full plan. */
export function stillPlanned(jobId: string, subject: DeadlineSubject | null, policy: ReminderPolicyRule): boolean {
  return subject !== null && planReminders(subject, policy, null).some((r) => r.jobId === jobId);
}

/**
 * The next plan of a subject: the fresh plan from `now`, plus reminders already planned and
 * not yet fired that are still in the full plan (so a replan just after a lead moment passed
 * does not drop a reminder that was about to fire). Returns what to add and what to remove.
 */
export function diffPlan(
  subject: DeadlineSubject | null,
  policy: ReminderPolicyRule,
  now: Date,
  pendingJobIds: string[],
): { add: PlannedReminder[]; remove: string[] } {
  const fresh = subject ? planReminders(subject, policy, now) : [];
  const full = new Set(subject ? planReminders(subject, policy, null).map((r) => r.jobId) : []);
  const pending = new Set(pendingJobIds);
  return {
    add: fresh.filter((r) => !pending.has(r.jobId)),
    remove: pendingJobIds.filter((id) => !full.has(id)),
  };
}
