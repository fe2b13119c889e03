import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeopleReader } from '@app/identity';
import { AppConfig, type Queryable } from '@app/platform';
import { DeadlineSources, type SubjectRef } from '../deadlines/deadline-sources';
import { notificationDetailsOf } from '../delivery/notification-text';
import { TICK_MS, tickAt } from '../jobs/batching';
import { ReminderTimers } from '../jobs/reminder-timers.service';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { notificationsOf, triageDue } from '../planning/firing';
import { PlannedRemindersRepository } from '../planning/planned-reminders.repository';
import { SUBJECT_TYPE_OF_KIND } from '../planning/reminder-plan';
import { ReminderPoliciesRepository } from '../policy/reminder-policies.repository';
import { RecipientsRepository } from '../recipients/recipients.repository';

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

const sum = (a: FireResult, b: FireResult): FireResult => ({
  claimed: a.claimed + b.claimed,
  fired: a.fired + b.fired,
  stale: a.stale + b.stale,
  busy: a.busy + b.busy,
  notifications: a.notifications + b.notifications,
});
const NOTHING: FireResult = { claimed: 0, fired: 0, stale: 0, busy: 0, notifications: 0 };

/**
 * Fires due reminders in batches of FIRE_BATCH, one transaction each: claims due rows with FOR
 * UPDATE SKIP LOCKED (so several ticks and workers share the work), takes each subject's advisory
 * lock without waiting (rows whose subject is busy are left for a retry tick: never blocking means
 * no deadlock with the planner, which takes the advisory lock first), reads subjects, policies,
 * recipients, details and people for the whole batch in a few set-based statements, deletes stale
 * rows (no longer in the subject's plan: nothing is sent), inserts one notification per current
 * recipient in one statement (ON CONFLICT DO NOTHING: the unique key makes it exactly once), marks
 * the rows fired, commits, then enqueues the e-mails. A batch that fails or whose worker dies rolls
 * back whole, and its rows are due again for the next tick (a retried or stalled tick job, the
 * retry tick, or reconciliation).
 */
@Injectable()
export class ReminderFiring {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly sources: DeadlineSources,
    private readonly planned: PlannedRemindersRepository,
    private readonly policies: ReminderPoliciesRepository,
    private readonly recipients: RecipientsRepository,
    private readonly people: PeopleReader,
    private readonly notifications: NotificationsRepository,
    private readonly timers: ReminderTimers,
  ) {}

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
  async fireBatchIn(m: Queryable, limit = FIRE_BATCH): Promise<{ result: FireResult; mails: string[] }> {
    const claimed = await this.planned.claimDue(limit, m);
    if (!claimed.length) return { result: NOTHING, mails: [] };
    const locked = await this.planned.tryLockSubjects([...new Set(claimed.map((r) => r.subjectId))], m);
    const rows = claimed.filter((r) => locked.has(r.subjectId));
    const busy = claimed.length - rows.length;
    if (!rows.length) return { result: { ...NOTHING, claimed: claimed.length, busy }, mails: [] };

    const refs: SubjectRef[] = [
      ...new Map(rows.map((r) => [r.subjectId, { type: SUBJECT_TYPE_OF_KIND[r.kind], id: r.subjectId }])).values(),
    ];
    const subjects = await this.sources.subjects(m, refs);
    const policies = await this.policies.rulesOf([...new Set([...subjects.values()].map((s) => s.initiativeId))], m);
    const facts = await this.sources.recipients(m, refs);
    const { stale, live } = triageDue(rows, subjects, policies, facts, new Date());
    if (stale.length) await this.planned.remove(stale, m);

    let created: { id: string; personId: string }[] = [];
    const immediate = new Set<string>();
    const recipientIds = [...new Set(live.flatMap((l) => l.recipients))];
    if (recipientIds.length) {
      const liveIds = new Set(live.map((l) => l.subject.id));
      const details = new Map(
        [
          ...(await this.sources.details(
            m,
            refs.filter((ref) => liveIds.has(ref.id)),
          )),
        ].map(([id, d]) => [id, notificationDetailsOf(d, this.config.publicUrl)]),
      );
      const people = await this.people.byIds(recipientIds, m);
      const notifications = notificationsOf(live, details, new Map(people.map((p) => [p.id, p.timeZone])));
      if (notifications.length) created = await this.notifications.insertReminders(notifications, m);
      const existing = new Set(people.map((p) => p.id));
      for (const r of await this.recipients.recipients(recipientIds, m))
        if (r.emailMode === 'IMMEDIATE' && existing.has(r.id)) immediate.add(r.id);
    }
    const fired = live.map((l) => l.row.jobId);
    if (fired.length) await this.planned.markFired(fired, m);
    return {
      result: { claimed: claimed.length, fired: fired.length, stale: stale.length, busy, notifications: created.length },
      mails: created.filter((c) => immediate.has(c.personId)).map((c) => c.id),
    };
  }
}
