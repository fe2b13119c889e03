import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/platform';
import { DeadlineSources, type SubjectRef } from '../deadlines/deadline-sources';
import { TICK_MS, tickAt } from '../jobs/batching';
import { ReminderTimers } from '../jobs/reminder-timers.service';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { PlannedRemindersRepository } from '../planning/planned-reminders.repository';
import { ReminderPlanner } from '../planning/reminder-planner.service';

/** Subjects without a plan that one reconciliation plans (the next run plans more). */
const MAX_UNPLANNED = 500;
/** Open subjects read per statement while looking for those without a plan. */
const PAGE = 2000;

/**
 * Repairs what Redis lost, from PostgreSQL: plans subjects that have no plan yet (e.g. data
 * written before reminders existed), re-adds the ticks of every pending planned reminder in the
 * window (existing job ids are no-ops; missing ones, e.g. after FLUSHALL, come back; overdue ones
 * run at once) and re-enqueues unsent e-mails.
 */
@Injectable()
export class ReminderReconciliation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly sources: DeadlineSources,
    private readonly planner: ReminderPlanner,
    private readonly planned: PlannedRemindersRepository,
    private readonly notifications: NotificationsRepository,
    private readonly timers: ReminderTimers,
  ) {}

  async reconcile(): Promise<{ planned: number; timers: number; mails: number }> {
    const windowMs = this.config.REMINDER_WINDOW_MS;
    let planned = 0;
    for (const ref of await this.unplanned(new Date(Date.now() - windowMs))) {
      const change = await this.dataSource.transaction((m) => this.planner.replan(m, [ref]));
      planned += change.added.length;
    }
    // One tick now for the overdue reminders (a tick fires everything due), one per slot for the others.
    const now = Date.now();
    const ticks = [...new Set((await this.planned.tickSlotsWithin(windowMs, TICK_MS)).map((at) => Math.max(at, tickAt(now))))];
    await this.timers.addTicks(ticks);
    const unsent = await this.notifications.unsentImmediate();
    await this.timers.addMails(unsent);
    return { planned, timers: ticks.length, mails: unsent.length };
  }

  /** Open subjects with a deadline after `deadlineAfter` and no planned reminder at all (at most MAX_UNPLANNED). */
  private async unplanned(deadlineAfter: Date): Promise<SubjectRef[]> {
    const found: SubjectRef[] = [];
    for (const source of this.sources.all()) {
      let after: { deadline: Date; id: string } | null = null;
      while (found.length < MAX_UNPLANNED) {
        const page = await source.openPage(this.dataSource, { deadlineAfter, after, limit: PAGE });
        if (!page.length) break;
        const ids = await this.planned.withoutPlan(page.map((p) => p.id));
        for (const id of ids.slice(0, MAX_UNPLANNED - found.length)) found.push({ type: source.type, id });
        if (page.length < PAGE) break;
        after = page[page.length - 1];
      }
    }
    return found;
  }
}
