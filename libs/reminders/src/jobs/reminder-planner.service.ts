import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_POLICY, diffPlan, type PlannedReminder } from '../planning/reminder-plan';
import { loadPolicy, loadSubject, type SubjectRef } from '../subjects/subject-reader';

export interface PlanChange {
  added: PlannedReminder[];
  removed: string[];
}

/**
 * Replans subjects inside the caller's transaction: planned_reminder rows are made to match
 * the subject's current state and policy. The caller applies the returned change to Redis
 * after commit. Subjects are locked (transaction-scoped advisory lock, in id order) so two
 * workers never plan the same subject from different states.
 */
@Injectable()
export class ReminderPlanner {
  async replan(m: EntityManager, refs: SubjectRef[], now = new Date()): Promise<PlanChange> {
    const change: PlanChange = { added: [], removed: [] };
    const unique = [...new Map(refs.map((r) => [r.id, r])).values()].sort((a, b) => a.id.localeCompare(b.id));
    for (const ref of unique) {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [ref.id]);
      const subject = await loadSubject(m, ref);
      const policy = subject ? await loadPolicy(m, subject.initiativeId) : DEFAULT_POLICY;
      const pending = (await m.query(
        `SELECT job_id AS "jobId" FROM planned_reminder WHERE subject_id = $1 AND fired_at IS NULL`,
        [ref.id],
      )) as { jobId: string }[];
      const diff = diffPlan(
        subject,
        policy,
        now,
        pending.map((p) => p.jobId),
      );
      if (diff.remove.length) {
        await m.query(`DELETE FROM planned_reminder WHERE job_id = ANY($1::text[]) AND fired_at IS NULL`, [diff.remove]);
        change.removed.push(...diff.remove);
      }
      if (diff.add.length) {
        const inserted = (await m.query(
          `INSERT INTO planned_reminder (job_id, kind, subject_id, initiative_id, recipient_key, lead_ms, due_at, fire_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::bigint[], $7::timestamptz[], $8::timestamptz[])
           ON CONFLICT (job_id) DO NOTHING
           RETURNING job_id AS "jobId"`,
          [
            diff.add.map((r) => r.jobId),
            diff.add.map((r) => r.kind),
            diff.add.map((r) => r.subjectId),
            diff.add.map((r) => r.initiativeId),
            diff.add.map((r) => r.recipientKey),
            diff.add.map((r) => r.leadMs),
            diff.add.map((r) => r.dueAt.toISOString()),
            diff.add.map((r) => r.fireAt.toISOString()),
          ],
        )) as { jobId: string }[];
        const fresh = new Set(inserted.map((r) => r.jobId));
        change.added.push(...diff.add.filter((r) => fresh.has(r.jobId)));
      }
    }
    return change;
  }

  /** Every subject of an initiative that has or may need reminders (after a policy change). */
  async subjectsOfInitiative(m: EntityManager, initiativeId: string): Promise<SubjectRef[]> {
    const rows = (await m.query(
      `SELECT i.id, 'WORK_ITEM' AS type
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id
        WHERE g.initiative_id = $1 AND i.due_at IS NOT NULL AND i.status NOT IN ('DONE', 'CANCELLED')
       UNION
       SELECT b.id, 'BALLOT' FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id
        WHERE t.initiative_id = $1 AND b.state = 'OPEN'
       UNION
       SELECT DISTINCT subject_id, CASE WHEN kind LIKE 'WORK_ITEM%' THEN 'WORK_ITEM' ELSE 'BALLOT' END
         FROM planned_reminder WHERE initiative_id = $1 AND fired_at IS NULL`,
      [initiativeId],
    )) as SubjectRef[];
    return rows;
  }
}
