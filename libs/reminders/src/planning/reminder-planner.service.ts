import { Injectable } from '@nestjs/common';
import type { Queryable } from '@app/platform';
import { DeadlineSources, type SubjectRef } from '../deadlines/deadline-sources';
import { ReminderPoliciesRepository } from '../policy/reminder-policies.repository';
import { PlannedRemindersRepository } from './planned-reminders.repository';
import { DEFAULT_POLICY, diffPlan, type PlannedReminder, SUBJECT_TYPE_OF_KIND } from './reminder-plan';

export interface PlanChange {
  added: PlannedReminder[];
  removed: string[];
}

/**
 * Replans subjects inside the caller's transaction: planned_reminder rows are made to match
 * the subject's current state (read through its DeadlineSource, never from event payloads) and
 * policy. The caller applies the returned change to Redis after commit. Subjects are locked
 * (transaction-scoped advisory lock, in id order) so two workers never plan the same subject
 * from different states.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    private readonly sources: DeadlineSources,
    private readonly policies: ReminderPoliciesRepository,
    private readonly planned: PlannedRemindersRepository,
  ) {}

  async replan(m: Queryable, refs: SubjectRef[], now = new Date()): Promise<PlanChange> {
    const change: PlanChange = { added: [], removed: [] };
    const unique = [...new Map(refs.map((r) => [r.id, r])).values()].sort((a, b) => a.id.localeCompare(b.id));
    for (const ref of unique) {
      await this.planned.lockSubject(ref.id, m);
      const subject = (await this.sources.subjects(m, [ref])).get(ref.id) ?? null;
      const policy = subject ? await this.policies.ruleOf(subject.initiativeId, m) : DEFAULT_POLICY;
      const diff = diffPlan(subject, policy, now, await this.planned.pendingJobIds(ref.id, m));
      if (diff.remove.length) {
        await this.planned.removePending(diff.remove, m);
        change.removed.push(...diff.remove);
      }
      if (diff.add.length) {
        const fresh = await this.planned.insert(diff.add, m);
        change.added.push(...diff.add.filter((r) => fresh.has(r.jobId)));
      }
    }
    return change;
  }

  /** Every subject of an initiative that has or may need reminders (after a policy change). */
  async subjectsOfInitiative(m: Queryable, initiativeId: string): Promise<SubjectRef[]> {
    const refs: SubjectRef[] = [];
    for (const source of this.sources.all())
      for (const id of await source.openOfInitiative(m, initiativeId)) refs.push({ type: source.type, id });
    for (const pending of await this.planned.pendingOfInitiative(initiativeId, m))
      refs.push({ type: SUBJECT_TYPE_OF_KIND[pending.kind], id: pending.subjectId });
    return refs;
  }
}
