import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { claimOutboxEvents, markOutboxProcessed, type OutboxEvent, TOPICS } from '@app/platform';
import { DeadlineSources, type SubjectRef } from '../deadlines/deadline-sources';
import { ReminderTimers } from '../jobs/reminder-timers.service';
import { DiscussionNotifications } from '../notifications/discussion-notifications';
import { InvitationNotifications } from '../notifications/invitation-notifications';
import { type PlanChange, ReminderPlanner } from '../planning/reminder-planner.service';

/** Outbox rows claimed per transaction. */
const BATCH = 100;
/** Batches one drain handles before the next scheduled drain takes over. */
const MAX_BATCHES = 20;

/**
 * Drains the outbox (rows written by work plans, ballots, setReminderPolicy and invitations in
 * their own transactions): claims rows with FOR UPDATE SKIP LOCKED, so several workers share the
 * work, replans each subject from its current state, records invitation notifications, marks the
 * rows processed, commits, and only then updates the timers in Redis (a lost Redis update is
 * repaired by reconciliation). A topic nobody handles is marked processed and ignored.
 */
@Injectable()
export class OutboxDrain {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: DeadlineSources,
    private readonly planner: ReminderPlanner,
    private readonly invitations: InvitationNotifications,
    private readonly discussions: DiscussionNotifications,
    private readonly timers: ReminderTimers,
  ) {}

  async drain(): Promise<number> {
    let total = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const { count, change, mails } = await this.drainBatch();
      total += count;
      // Removed reminders need no timer change: their tick finds nothing of theirs to fire.
      await this.timers.addReminders(change.added);
      // The mail job claims only IMMEDIATE recipients' notifications; a lost enqueue is repaired by reconciliation.
      await this.timers.addMails(mails);
      if (count < BATCH) break;
    }
    if (total) this.logger.debug(`processed ${total} outbox events`);
    return total;
  }

  private drainBatch(): Promise<{ count: number; change: PlanChange; mails: string[] }> {
    return this.dataSource.transaction(async (m) => {
      const events = await claimOutboxEvents(m, BATCH);
      if (!events.length) return { count: 0, change: { added: [], removed: [] }, mails: [] };
      const refs: SubjectRef[] = [];
      const invitations: OutboxEvent[] = [];
      const discussions: OutboxEvent[] = [];
      for (const event of events) {
        const type = this.sources.typeOfTopic(event.topic);
        if (type) refs.push({ type, id: event.subjectId });
        else if (event.topic === TOPICS.reminderPolicyChanged)
          refs.push(...(await this.planner.subjectsOfInitiative(m, event.subjectId)));
        else if (event.topic === TOPICS.invitationCreated) invitations.push(event);
        else if (event.topic === TOPICS.discussionNotice) discussions.push(event);
      }
      await this.invitations.record(invitations, m);
      const mails = await this.discussions.record(discussions, m);
      const change = await this.planner.replan(m, refs);
      await markOutboxProcessed(
        m,
        events.map((e) => e.id),
      );
      return { count: events.length, change, mails };
    });
  }
}
