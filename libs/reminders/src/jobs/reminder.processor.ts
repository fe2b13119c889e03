import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig, QUEUES } from '@app/platform';
import { renderNotification } from '../delivery/notification-text';
import { recordRecentInvitations } from '../invitation-notification';
import { recipientsFor } from '../planning/recipients';
import { type ReminderKind, stillPlanned } from '../planning/reminder-plan';
import {
  loadDetails,
  loadPolicy,
  loadRecipientFacts,
  loadSubject,
  type SubjectRef,
  subjectTypeOfKind,
} from '../subjects/subject-reader';
import { ReminderPlanner } from './reminder-planner.service';
import { FIRE_REMINDER_JOB, type FireReminderJob, ReminderTimers } from './reminder-timers.service';

export const RECONCILE_SCHEDULER = 'reminders-reconcile';
export const RECONCILE_JOB = 'reconcile';

interface PlannedRow {
  jobId: string;
  kind: ReminderKind;
  subjectId: string;
  leadMs: string;
  dueAt: Date;
  firedAt: Date | null;
}

/** Kinds without a deadline in their key: one per ballot and person. */
const EVENT_KINDS: ReminderKind[] = ['BALLOT_OPENED', 'BALLOT_CLOSED'];

/**
 * Fires planned reminders and reconciles Redis with PostgreSQL.
 *
 * fire: re-reads the planned row and the subject; a reminder no longer in the subject's plan
 * (deadline moved, item done, ballot cancelled, policy changed) does nothing. Otherwise it
 * inserts one notification per current recipient (ON CONFLICT DO NOTHING: the unique key makes
 * it exactly once), marks the row fired, commits, then enqueues one mail job per new row.
 *
 * reconcile: plans subjects that have no plan yet, re-adds the timers of every pending planned
 * reminder in the window (existing job ids are no-ops; missing ones, e.g. after FLUSHALL, come
 * back; overdue ones run at once) and re-enqueues unsent e-mails.
 */
@Processor(QUEUES.reminders, { concurrency: 8, lockDuration: 15_000, stalledInterval: 5000 })
export class ReminderProcessor extends WorkerHost {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly planner: ReminderPlanner,
    private readonly timers: ReminderTimers,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === FIRE_REMINDER_JOB) return this.fire((job.data as FireReminderJob).jobId);
    if (job.name === RECONCILE_JOB) return this.reconcile();
    return null;
  }

  async fire(jobId: string): Promise<number> {
    const created = await this.dataSource.transaction((m) => this.fireIn(m, jobId));
    await this.timers.addMails(created);
    return created.length;
  }

  private async fireIn(m: EntityManager, jobId: string): Promise<string[]> {
    // Lock order as in the planner: the subject's advisory lock first, then the planned row.
    const [peek] = (await m.query(`SELECT subject_id AS "subjectId" FROM planned_reminder WHERE job_id = $1`, [jobId])) as {
      subjectId: string;
    }[];
    if (!peek) return [];
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [peek.subjectId]);
    const [row] = (await m.query(
      `SELECT job_id AS "jobId", kind, subject_id AS "subjectId", lead_ms AS "leadMs", due_at AS "dueAt", fired_at AS "firedAt"
         FROM planned_reminder WHERE job_id = $1 FOR UPDATE`,
      [jobId],
    )) as PlannedRow[];
    if (!row || row.firedAt) return [];
    const ref: SubjectRef = { type: subjectTypeOfKind(row.kind), id: row.subjectId };
    const subject = await loadSubject(m, ref);
    const policy = subject ? await loadPolicy(m, subject.initiativeId) : null;
    const stale =
      !subject ||
      !policy ||
      !stillPlanned(jobId, subject, policy) ||
      (row.kind === 'BALLOT_CLOSING' && subject.type === 'BALLOT' && subject.closesAt.getTime() <= Date.now());
    if (stale) {
      await m.query(`DELETE FROM planned_reminder WHERE job_id = $1`, [jobId]);
      this.logger.debug(`stale reminder ${jobId}: nothing sent`);
      return [];
    }
    const recipients = recipientsFor(row.kind, await loadRecipientFacts(m, ref));
    const details = await loadDetails(m, ref, this.config.publicUrl);
    let ids: string[] = [];
    if (recipients.length && details) {
      const people = (await m.query(`SELECT id, time_zone AS "timeZone" FROM person WHERE id = ANY($1::uuid[])`, [
        recipients,
      ])) as {
        id: string;
        timeZone: string;
      }[];
      const leadMs = Number(row.leadMs);
      const event = EVENT_KINDS.includes(row.kind);
      const full = { ...details, leadMs };
      const texts = people.map((p) => renderNotification(row.kind, full, p.timeZone));
      const inserted = (await m.query(
        `INSERT INTO notification (person_id, kind, subject_id, initiative_id, title, body, details, due_at, lead_ms)
         SELECT person_id, $2, $3, $4, title, body, $5::jsonb, $6, $7
           FROM unnest($1::uuid[], $8::text[], $9::text[]) AS t (person_id, title, body)
         ON CONFLICT ON CONSTRAINT notification_once DO NOTHING
         RETURNING id`,
        [
          people.map((p) => p.id),
          row.kind,
          subject!.id,
          subject!.initiativeId,
          JSON.stringify(full),
          event ? null : row.dueAt,
          event ? null : leadMs,
          texts.map((t) => t.title),
          texts.map((t) => t.body),
        ],
      )) as { id: string }[];
      ids = inserted.map((r) => r.id);
    }
    await m.query(`UPDATE planned_reminder SET fired_at = now() WHERE job_id = $1`, [jobId]);
    return ids;
  }

  async reconcile(): Promise<{ planned: number; timers: number; mails: number }> {
    const windowMs = this.config.REMINDER_WINDOW_MS;
    // 1. Subjects with a deadline ahead (or just passed) and no plan at all, e.g. data written
    //    before reminders existed.
    const unplanned = (await this.dataSource.query(
      `SELECT i.id, 'WORK_ITEM' AS type FROM work_item i
        WHERE i.due_at > now() - make_interval(secs => $1::double precision / 1000) AND i.status NOT IN ('DONE', 'CANCELLED')
          AND NOT EXISTS (SELECT 1 FROM planned_reminder r WHERE r.subject_id = i.id)
       UNION ALL
       SELECT b.id, 'BALLOT' FROM ballot b
        WHERE b.state = 'OPEN' AND NOT EXISTS (SELECT 1 FROM planned_reminder r WHERE r.subject_id = b.id)
       LIMIT 500`,
      [windowMs],
    )) as SubjectRef[];
    let planned = 0;
    for (const ref of unplanned) {
      const change = await this.dataSource.transaction((m) => this.planner.replan(m, [ref]));
      planned += change.added.length;
    }
    // 2. Timers of pending reminders in the window (overdue ones fire at once).
    const pending = (await this.dataSource.query(
      `SELECT job_id AS "jobId", fire_at AS "fireAt" FROM planned_reminder
        WHERE fired_at IS NULL AND fire_at <= now() + make_interval(secs => $1::double precision / 1000)
        ORDER BY fire_at LIMIT 5000`,
      [windowMs],
    )) as { jobId: string; fireAt: Date }[];
    await this.timers.addReminders(pending);
    // 3. Unsent e-mails of IMMEDIATE recipients (recent ones; nobody wants a week-old burst).
    const unsent = (await this.dataSource.query(
      `SELECT n.id FROM notification n JOIN person p ON p.id = n.person_id
        WHERE n.emailed_at IS NULL AND p.email_mode = 'IMMEDIATE' AND n.kind <> 'INVITATION'
          AND n.created_at > now() - interval '1 day' AND n.email_attempts < 30
          AND (n.email_claimed_until IS NULL OR n.email_claimed_until < now())
        ORDER BY n.created_at LIMIT 5000`,
    )) as { id: string }[];
    await this.timers.addMails(unsent.map((u) => u.id));
    await recordRecentInvitations(this.dataSource, 7 * 24 * 60);
    return { planned, timers: pending.length, mails: unsent.length };
  }
}
