import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig, QUEUES } from '@app/platform';
import { recordRecentInvitations } from '../invitation-notification';
import { type DueReminder, notificationsOf, triageDue } from '../planning/firing';
import type { ReminderKind } from '../planning/reminder-plan';
import {
  loadDetailsOf,
  loadPolicies,
  loadRecipientFactsOf,
  loadSubjects,
  type SubjectRef,
  subjectTypeOfKind,
} from '../subjects/subject-reader';
import { TICK_MS, tickAt } from './batching';
import { ReminderPlanner } from './reminder-planner.service';
import { LEGACY_FIRE_JOB, ReminderTimers, TICK_JOB, type TickJob } from './reminder-timers.service';

export const RECONCILE_SCHEDULER = 'reminders-reconcile';
export const RECONCILE_JOB = 'reconcile';

/** Planned reminders claimed per transaction. */
export const FIRE_BATCH = 500;
/** Batches one tick fires before it hands over to a follow-up tick (other jobs get a turn). */
const MAX_BATCHES_PER_TICK = 20;
/** When rows were skipped (subject locked by the planner), a tick this much later tries again. */
const RETRY_AFTER_MS = 1000;

/** What one firing batch did. */
export interface FireResult {
  /** Due rows claimed (FOR UPDATE SKIP LOCKED). */
  claimed: number;
  /** Rows marked fired. */
  fired: number;
  /** Stale rows deleted. */
  stale: number;
  /** Rows left for later because their subject was locked (being replanned or fired elsewhere). */
  busy: number;
  /** Notifications created (new rows; duplicates of the unique key are not counted). */
  notifications: number;
}

interface ClaimedRow {
  jobId: string;
  kind: ReminderKind;
  subjectId: string;
  leadMs: string;
  dueAt: Date;
}

const sum = (a: FireResult, b: FireResult): FireResult => ({
  claimed: a.claimed + b.claimed,
  fired: a.fired + b.fired,
  stale: a.stale + b.stale,
  busy: a.busy + b.busy,
  notifications: a.notifications + b.notifications,
});
const NOTHING: FireResult = { claimed: 0, fired: 0, stale: 0, busy: 0, notifications: 0 };

/**
 * Fires due reminders in batches and reconciles Redis with PostgreSQL.
 *
 * tick (a delayed job per TICK_MS slot holding due reminders): fires every due reminder, in
 * batches of FIRE_BATCH, one transaction each: claims due rows with FOR UPDATE SKIP LOCKED (so
 * several ticks and workers share the work), takes each subject's advisory lock without
 * waiting (rows whose subject is busy are left for a retry tick: never blocking means no
 * deadlock with the planner, which takes the advisory lock first), reads subjects, policies,
 * recipients, details and people for the whole batch in a few queries, deletes stale rows (no
 * longer in the subject's plan: nothing is sent), inserts one notification per current
 * recipient in one statement (ON CONFLICT DO NOTHING: the unique key makes it exactly once),
 * marks the rows fired, commits, then enqueues the e-mails. A batch that fails or whose worker
 * dies rolls back whole, and its rows are due again for the next tick (a retried or stalled
 * tick job, the retry tick, or reconciliation).
 *
 * reconcile: plans subjects that have no plan yet, re-adds the ticks of every pending planned
 * reminder in the window (existing job ids are no-ops; missing ones, e.g. after FLUSHALL, come
 * back; overdue ones run at once) and re-enqueues unsent e-mails.
 */
@Processor(QUEUES.reminders, { concurrency: 4, lockDuration: 30_000, stalledInterval: 5000 })
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
    if (job.name === TICK_JOB) return this.tick((job.data as TickJob).at);
    if (job.name === LEGACY_FIRE_JOB) return this.fireDue();
    if (job.name === RECONCILE_JOB) return this.reconcile();
    return null;
  }

  /** A tick never runs before its slot (a clock a little ahead elsewhere would leave rows behind). */
  async tick(at: number): Promise<FireResult> {
    const early = at - Date.now();
    if (early > 0) await new Promise((r) => setTimeout(r, Math.min(early, TICK_MS)));
    return this.fireDue();
  }

  /**
   * Fires due reminders batch after batch until a batch is not full (or MAX_BATCHES_PER_TICK,
   * then a follow-up tick continues). Rows skipped because their subject was busy get a retry tick.
   */
  async fireDue(maxBatches = MAX_BATCHES_PER_TICK): Promise<FireResult> {
    let total = NOTHING;
    let full = false;
    for (let i = 0; i < maxBatches; i++) {
      const result = await this.fireBatch();
      total = sum(total, result);
      full = result.claimed >= FIRE_BATCH;
      if (!full) break;
    }
    if (full) await this.timers.addTicks([tickAt(Date.now() + 1)]);
    if (total.busy) await this.timers.addTicks([tickAt(Date.now() + RETRY_AFTER_MS)]);
    if (total.claimed)
      this.logger.debug(`fired ${total.fired} reminders (${total.notifications} notifications, ${total.stale} stale)`);
    return total;
  }

  /** One batch in one transaction; its e-mails are enqueued after commit. */
  async fireBatch(limit = FIRE_BATCH): Promise<FireResult> {
    const { result, mails } = await this.dataSource.transaction((m) => this.fireBatchIn(m, limit));
    await this.timers.addMails(mails);
    return result;
  }

  /**
   * The body of a firing batch, inside the caller's transaction (tests roll it back to play a
   * worker that dies mid-batch). Returns the notification ids to e-mail (IMMEDIATE recipients).
   */
  async fireBatchIn(m: EntityManager, limit = FIRE_BATCH): Promise<{ result: FireResult; mails: string[] }> {
    const claimed = (await m.query(
      `SELECT job_id AS "jobId", kind, subject_id AS "subjectId", lead_ms AS "leadMs", due_at AS "dueAt"
         FROM planned_reminder WHERE fired_at IS NULL AND fire_at <= now()
        ORDER BY fire_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as ClaimedRow[];
    if (!claimed.length) return { result: NOTHING, mails: [] };
    // The subjects' advisory locks, without waiting: a subject being replanned (or fired by
    // another batch) is left for the retry tick.
    const subjectIds = [...new Set(claimed.map((r) => r.subjectId))];
    const locked = new Set(
      (
        (await m.query(`SELECT id FROM unnest($1::text[]) AS id WHERE pg_try_advisory_xact_lock(hashtextextended(id, 0))`, [
          subjectIds,
        ])) as { id: string }[]
      ).map((r) => r.id),
    );
    const rows: DueReminder[] = claimed
      .filter((r) => locked.has(r.subjectId))
      .map((r) => ({ jobId: r.jobId, kind: r.kind, subjectId: r.subjectId, leadMs: Number(r.leadMs), dueAt: r.dueAt }));
    const busy = claimed.length - rows.length;
    if (!rows.length) return { result: { ...NOTHING, claimed: claimed.length, busy }, mails: [] };

    const refs: SubjectRef[] = [
      ...new Map(rows.map((r) => [r.subjectId, { type: subjectTypeOfKind(r.kind), id: r.subjectId }])).values(),
    ];
    const subjects = await loadSubjects(m, refs);
    const policies = await loadPolicies(m, [...new Set([...subjects.values()].map((s) => s.initiativeId))]);
    const facts = await loadRecipientFactsOf(m, refs);
    const { stale, live } = triageDue(rows, subjects, policies, facts, new Date());
    if (stale.length) await m.query(`DELETE FROM planned_reminder WHERE job_id = ANY($1::text[])`, [stale]);

    let created: { id: string; personId: string }[] = [];
    const immediate = new Set<string>();
    const recipients = [...new Set(live.flatMap((l) => l.recipients))];
    if (recipients.length) {
      const liveRefs = refs.filter((ref) => live.some((l) => l.subject.id === ref.id));
      const details = await loadDetailsOf(m, liveRefs, this.config.publicUrl);
      const people = (await m.query(
        `SELECT id, time_zone AS "timeZone", email_mode AS "emailMode" FROM person WHERE id = ANY($1::uuid[])`,
        [recipients],
      )) as { id: string; timeZone: string; emailMode: string }[];
      const notifications = notificationsOf(live, details, new Map(people.map((p) => [p.id, p.timeZone])));
      if (notifications.length) {
        created = (await m.query(
          `INSERT INTO notification (person_id, kind, subject_id, initiative_id, title, body, details, due_at, lead_ms)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::jsonb[],
                                $8::timestamptz[], $9::bigint[])
           ON CONFLICT ON CONSTRAINT notification_once DO NOTHING
           RETURNING id, person_id AS "personId"`,
          [
            notifications.map((n) => n.personId),
            notifications.map((n) => n.kind),
            notifications.map((n) => n.subjectId),
            notifications.map((n) => n.initiativeId),
            notifications.map((n) => n.title),
            notifications.map((n) => n.body),
            notifications.map((n) => JSON.stringify(n.details)),
            notifications.map((n) => n.dueAt?.toISOString() ?? null),
            notifications.map((n) => n.leadMs),
          ],
        )) as { id: string; personId: string }[];
      }
      for (const p of people) if (p.emailMode === 'IMMEDIATE') immediate.add(p.id);
    }
    const fired = live.map((l) => l.row.jobId);
    if (fired.length) await m.query(`UPDATE planned_reminder SET fired_at = now() WHERE job_id = ANY($1::text[])`, [fired]);
    return {
      result: { claimed: claimed.length, fired: fired.length, stale: stale.length, busy, notifications: created.length },
      mails: created.filter((c) => immediate.has(c.personId)).map((c) => c.id),
    };
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
    // 2. Ticks of pending reminders in the window: one now for the overdue ones (a tick fires
    //    everything due), one per slot for the others (existing tick ids are no-ops).
    const slots = (await this.dataSource.query(
      `SELECT DISTINCT (ceil(extract(epoch FROM fire_at) * 1000 / $2) * $2)::bigint AS at FROM planned_reminder
        WHERE fired_at IS NULL AND fire_at <= now() + make_interval(secs => $1::double precision / 1000)
        ORDER BY at LIMIT 5000`,
      [windowMs, TICK_MS],
    )) as { at: string }[];
    const now = Date.now();
    const ticks = [...new Set(slots.map((r) => Math.max(Number(r.at), tickAt(now))))];
    await this.timers.addTicks(ticks);
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
    return { planned, timers: ticks.length, mails: unsent.length };
  }
}
