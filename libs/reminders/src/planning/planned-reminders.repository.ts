import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Queryable, rows, updated } from '@app/platform';
import type { DueReminder } from './firing';
import type { PlannedReminder, ReminderKind } from './reminder-plan';

/**
 * planned_reminder: what PostgreSQL knows is planned (Redis only holds the timers). A subject's
 * rows are changed only under the subject's transaction-scoped advisory lock, taken by the planner
 * (waiting) and by a firing batch (without waiting). Methods that only make sense inside a
 * transaction take its manager (`m`) without a default.
 */
@Injectable()
export class PlannedRemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Waits for the subject's advisory lock, held until the transaction ends. */
  async lockSubject(subjectId: string, m: Queryable): Promise<void> {
    await rows(m, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [subjectId]);
  }

  /** The subjects whose advisory lock was free (now held until the transaction ends); the others are busy. */
  async tryLockSubjects(subjectIds: string[], m: Queryable): Promise<Set<string>> {
    const locked = await rows<{ id: string }>(
      m,
      `SELECT id FROM unnest($1::text[]) AS id WHERE pg_try_advisory_xact_lock(hashtextextended(id, 0))`,
      [subjectIds],
    );
    return new Set(locked.map((r) => r.id));
  }

  async pendingJobIds(subjectId: string, m: Queryable): Promise<string[]> {
    const pending = await rows<{ jobId: string }>(
      m,
      `SELECT job_id AS "jobId" FROM planned_reminder WHERE subject_id = $1 AND fired_at IS NULL`,
      [subjectId],
    );
    return pending.map((p) => p.jobId);
  }

  /** Distinct subjects of the initiative with reminders not fired yet, with the kind of one of them. */
  pendingOfInitiative(initiativeId: string, m: Queryable): Promise<{ subjectId: string; kind: ReminderKind }[]> {
    return rows(
      m,
      `SELECT DISTINCT ON (subject_id) subject_id AS "subjectId", kind
         FROM planned_reminder WHERE initiative_id = $1 AND fired_at IS NULL`,
      [initiativeId],
    );
  }

  /** Inserts the reminders (a job id already planned is left alone); returns the job ids inserted. */
  async insert(reminders: PlannedReminder[], m: Queryable): Promise<Set<string>> {
    const inserted = await rows<{ jobId: string }>(
      m,
      `INSERT INTO planned_reminder (job_id, kind, subject_id, initiative_id, recipient_key, lead_ms, due_at, fire_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::bigint[], $7::timestamptz[], $8::timestamptz[])
       ON CONFLICT (job_id) DO NOTHING
       RETURNING job_id AS "jobId"`,
      [
        reminders.map((r) => r.jobId),
        reminders.map((r) => r.kind),
        reminders.map((r) => r.subjectId),
        reminders.map((r) => r.initiativeId),
        reminders.map((r) => r.recipientKey),
        reminders.map((r) => r.leadMs),
        reminders.map((r) => r.dueAt.toISOString()),
        reminders.map((r) => r.fireAt.toISOString()),
      ],
    );
    return new Set(inserted.map((r) => r.jobId));
  }

  /** Removes reminders that have not fired (a fired one stays as the record that it did). */
  async removePending(jobIds: string[], m: Queryable): Promise<void> {
    await updated(m, `DELETE FROM planned_reminder WHERE job_id = ANY($1::text[]) AND fired_at IS NULL`, [jobIds]);
  }

  /** Removes claimed reminders that no longer apply (stale). */
  async remove(jobIds: string[], m: Queryable): Promise<void> {
    await updated(m, `DELETE FROM planned_reminder WHERE job_id = ANY($1::text[])`, [jobIds]);
  }

  /**
   * Claims up to `limit` due reminders, earliest first, locking their rows until the transaction
   * ends; rows another batch holds are skipped, never waited for.
   */
  async claimDue(limit: number, m: Queryable): Promise<DueReminder[]> {
    const claimed = await rows<Omit<DueReminder, 'leadMs'> & { leadMs: string }>(
      m,
      `SELECT job_id AS "jobId", kind, subject_id AS "subjectId", lead_ms AS "leadMs", due_at AS "dueAt"
         FROM planned_reminder WHERE fired_at IS NULL AND fire_at <= now()
        ORDER BY fire_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return claimed.map((r) => ({ ...r, leadMs: Number(r.leadMs) }));
  }

  async markFired(jobIds: string[], m: Queryable): Promise<void> {
    await updated(m, `UPDATE planned_reminder SET fired_at = now() WHERE job_id = ANY($1::text[])`, [jobIds]);
  }

  /** Which of the subjects have no planned reminder at all, fired or not. */
  async withoutPlan(subjectIds: string[], db: Queryable = this.dataSource): Promise<string[]> {
    const unplanned = await rows<{ id: string }>(
      db,
      `SELECT s.id FROM unnest($1::uuid[]) AS s (id) WHERE NOT EXISTS (SELECT 1 FROM planned_reminder r WHERE r.subject_id = s.id)`,
      [subjectIds],
    );
    return unplanned.map((r) => r.id);
  }

  /** The distinct tick slots (epoch ms, multiples of `tickMs`) of pending reminders due within `windowMs`, ascending. */
  async tickSlotsWithin(windowMs: number, tickMs: number, db: Queryable = this.dataSource): Promise<number[]> {
    const slots = await rows<{ at: string }>(
      db,
      `SELECT DISTINCT (ceil(extract(epoch FROM fire_at) * 1000 / $2) * $2)::bigint AS at FROM planned_reminder
        WHERE fired_at IS NULL AND fire_at <= now() + make_interval(secs => $1::double precision / 1000)
        ORDER BY at LIMIT 5000`,
      [windowMs, tickMs],
    );
    return slots.map((r) => Number(r.at));
  }
}
