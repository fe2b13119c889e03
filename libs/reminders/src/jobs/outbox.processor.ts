import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QUEUES } from '@app/platform';
import { recordRecentInvitations } from '../invitation-notification';
import { POLICY_CHANGED_TOPIC } from '../outbox-topics';
import type { SubjectRef } from '../subjects/subject-reader';
import { type PlanChange, ReminderPlanner } from './reminder-planner.service';
import { ReminderTimers } from './reminder-timers.service';

export const OUTBOX_SCHEDULER = 'outbox-drain';
const BATCH = 100;
/** Work plans write workitem.created|changed|removed (work_item.* accepted too). */
const WORK_ITEM_TOPIC = /^work_?item\./;
const MAX_BATCHES = 20;

/**
 * Drains the outbox (rows written by work plans, ballots and setReminderPolicy in their own
 * transactions): claims rows with FOR UPDATE SKIP LOCKED, so several workers share the work,
 * replans each subject from its current state, marks the rows processed, commits, and only
 * then updates the timers in Redis (a lost Redis update is repaired by reconciliation).
 */
@Processor(QUEUES.outbox)
export class OutboxProcessor extends WorkerHost {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: ReminderPlanner,
    private readonly timers: ReminderTimers,
  ) {
    super();
  }

  async process(): Promise<number> {
    await recordRecentInvitations(this.dataSource);
    let total = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const { count, change } = await this.drainBatch();
      total += count;
      // Removed reminders need no timer change: their tick finds nothing of theirs to fire.
      await this.timers.addReminders(change.added);
      if (count < BATCH) break;
    }
    if (total) this.logger.debug(`processed ${total} outbox events`);
    return total;
  }

  private drainBatch(): Promise<{ count: number; change: PlanChange }> {
    return this.dataSource.transaction(async (m) => {
      const rows = (await m.query(
        `SELECT id, topic, subject_id AS "subjectId" FROM outbox_event
          WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      )) as { id: string; topic: string; subjectId: string }[];
      if (!rows.length) return { count: 0, change: { added: [], removed: [] } };
      const refs: SubjectRef[] = [];
      for (const row of rows) {
        if (WORK_ITEM_TOPIC.test(row.topic)) refs.push({ type: 'WORK_ITEM', id: row.subjectId });
        else if (row.topic.startsWith('ballot.')) refs.push({ type: 'BALLOT', id: row.subjectId });
        else if (row.topic === POLICY_CHANGED_TOPIC) refs.push(...(await this.planner.subjectsOfInitiative(m, row.subjectId)));
      }
      const change = await this.planner.replan(m, refs);
      await m.query(`UPDATE outbox_event SET processed_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return { count: rows.length, change };
    });
  }
}
