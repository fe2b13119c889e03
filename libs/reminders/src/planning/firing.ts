import type { DeadlineSubject, RecipientFacts } from '@app/platform';
import { type NotificationDetails, renderNotification } from '../delivery/notification-text';
import { recipientsFor } from './recipients';
import { type InvitationKind, type ReminderKind, type ReminderPolicyRule, stillPlanned } from './reminder-plan';

/**
 * Firing a batch of due reminders, as plain data: which planned reminders are stale, who
 * receives the others, and the notification rows to insert. The firing service reads the facts
 * for a whole batch in a few set-based queries and writes the result.
 */

/** A claimed planned_reminder row. */
export interface DueReminder {
  jobId: string;
  kind: ReminderKind;
  subjectId: string;
  leadMs: number;
  dueAt: Date;
}

/** Kinds without a deadline in their key: one per ballot and person. */
export const EVENT_KINDS: ReminderKind[] = ['BALLOT_OPENED', 'BALLOT_CLOSED'];

export interface LiveReminder {
  row: DueReminder;
  subject: DeadlineSubject;
  recipients: string[];
}

/**
 * Splits claimed reminders into stale ones (no longer in their subject's plan: subject gone,
 * deadline moved, item done, ballot cancelled, policy changed, a closing reminder of a ballot
 * whose closing time has passed, or an upcoming-meeting reminder of a meeting that has begun) and live ones with their current recipients.
 */
export function triageDue(
  rows: DueReminder[],
  subjects: Map<string, DeadlineSubject>,
  policies: Map<string, ReminderPolicyRule>,
  facts: Map<string, RecipientFacts>,
  now: Date,
): { stale: string[]; live: LiveReminder[] } {
  const stale: string[] = [];
  const live: LiveReminder[] = [];
  for (const row of rows) {
    const subject = subjects.get(row.subjectId) ?? null;
    const policy = subject ? policies.get(subject.initiativeId) : undefined;
    const isStale =
      !subject ||
      !policy ||
      !stillPlanned(row.jobId, subject, policy) ||
      (row.kind === 'BALLOT_CLOSING' && subject.type === 'BALLOT' && subject.closesAt.getTime() <= now.getTime()) ||
      (row.kind === 'MEETING_UPCOMING' && subject.type === 'MEETING' && subject.startsAt.getTime() <= now.getTime());
    if (isStale) stale.push(row.jobId);
    else live.push({ row, subject, recipients: recipientsFor(row.kind, facts.get(row.subjectId) ?? {}) });
  }
  return { stale, live };
}

/** A notification row to insert (ON CONFLICT ON CONSTRAINT notification_once DO NOTHING). */
export interface NewNotification {
  personId: string;
  kind: ReminderKind | InvitationKind;
  subjectId: string;
  initiativeId: string;
  title: string;
  body: string;
  details: NotificationDetails;
  /** Null for event kinds (opened / closed): one per ballot and person. */
  dueAt: Date | null;
  /** The lead time; for invitation notices, the invitation's revision (one notice per revision and person). */
  leadMs: number | null;
}

/**
 * The notifications of live reminders: one per recipient who exists (`timeZones` has the
 * people found in PostgreSQL), in their own time zone. A subject without details (deleted
 * meanwhile) gets none.
 */
export function notificationsOf(
  live: LiveReminder[],
  details: Map<string, NotificationDetails>,
  timeZones: Map<string, string>,
): NewNotification[] {
  const out: NewNotification[] = [];
  for (const { row, subject, recipients } of live) {
    const base = details.get(row.subjectId);
    if (!base || !recipients.length) continue;
    const full: NotificationDetails = { ...base, leadMs: row.leadMs };
    const event = EVENT_KINDS.includes(row.kind);
    for (const personId of recipients) {
      const timeZone = timeZones.get(personId);
      if (timeZone === undefined) continue;
      const text = renderNotification(row.kind, full, timeZone);
      out.push({
        personId,
        kind: row.kind,
        subjectId: subject.id,
        initiativeId: subject.initiativeId,
        title: text.title,
        body: text.body,
        details: full,
        dueAt: event ? null : row.dueAt,
        leadMs: event ? null : row.leadMs,
      });
    }
  }
  return out;
}
