import { jest } from '@jest/globals';
import { useDatabaseOfItsOwn } from '../support/own-database';
import {
  addItem,
  changeItem,
  count,
  dueSoon,
  LEAD_MS,
  LEAD_S,
  pendingReminders,
  planned,
  reminderPolicy,
  settled,
  sleep,
  useReminderStack,
  workItemScene,
} from '../support/reminders';
import { waitFor } from '../support/tor-fixtures';

// Each test waits for deadlines DUE_IN_MS ahead on a busy machine (see support/reminders).
jest.setTimeout(90_000);

useDatabaseOfItsOwn();

describe('work item reminders (real Redis, worker and SMTP sink)', () => {
  const { sink, fx } = useReminderStack();

  /** A person's notifications, newest first (as myNotifications lists them). */
  const notifications = async (personId: string) =>
    (
      await fx.query<{ kind: string; subjectId: string; dueAt: Date | null; emailedAt: Date | null }>(
        `SELECT kind, subject_id AS "subjectId", due_at AS "dueAt", emailed_at AS "emailedAt"
           FROM notification WHERE person_id = $1 ORDER BY created_at DESC, id DESC`,
        [personId],
      )
    ).map((n) => ({ ...n, dueAt: n.dueAt?.toISOString() ?? null }));

  it('sends one WORK_ITEM_DUE to the owner LEAD before, and one WORK_ITEM_OVERDUE each to the owner and the chair', async () => {
    const s = await workItemScene(fx);
    await reminderPolicy(fx, s.initiativeId, [LEAD_MS]);
    const due = dueSoon();
    const itemId = await addItem(fx, s.planId, s.owner.id, due);

    await sink.waitFor(() => count(sink.to(s.owner.email), 'Due in') === 1, 45_000);
    const dueMail = sink.to(s.owner.email).find((m) => m.subject?.startsWith('Due in'))!;
    const sentAt = dueMail.date!.getTime();
    expect(sentAt).toBeGreaterThanOrEqual(due.getTime() - LEAD_S * 1000 - 1000); // Date header has second precision
    expect(sentAt).toBeLessThan(due.getTime());
    expect(dueMail.subject).toBe(`Due in ${LEAD_S} seconds: ${dueMail.subject!.slice(`Due in ${LEAD_S} seconds: `.length)}`);

    await sink.waitFor(
      () => count(sink.to(s.owner.email), 'Overdue') === 1 && count(sink.to(s.chair.email), 'Overdue') === 1,
      45_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(due.getTime());
    await settled(fx, [itemId]);
    await sleep(1500);
    expect(count(sink.to(s.owner.email), 'Due in')).toBe(1);
    expect(count(sink.to(s.owner.email), 'Overdue')).toBe(1);
    expect(sink.to(s.owner.email)).toHaveLength(2);
    expect(sink.to(s.chair.email)).toHaveLength(1);
    expect(sink.to(s.secretariat.email)).toHaveLength(0);
    expect(dueMail.text).toContain('Open: http');
    expect(dueMail.text).toContain(`/work-items/${itemId}`);
    expect(dueMail.html).toContain('<table>');

    const mine = await notifications(s.owner.id);
    expect(mine.map((n) => n.kind)).toEqual(['WORK_ITEM_OVERDUE', 'WORK_ITEM_DUE']);
    expect(mine.every((n) => n.subjectId === itemId && n.dueAt === due.toISOString() && n.emailedAt !== null)).toBe(true);
    const chairs = await notifications(s.chair.id);
    expect(chairs.map((n) => n.kind)).toEqual(['WORK_ITEM_OVERDUE']);
  });

  it('reminds only of the new deadline when it moves before the first reminder', async () => {
    const s = await workItemScene(fx);
    await reminderPolicy(fx, s.initiativeId, [LEAD_MS]);
    const first = dueSoon();
    const itemId = await addItem(fx, s.planId, s.owner.id, first);
    // The first deadline's reminders are planned (due and overdue), then the deadline moves.
    await planned(fx, [itemId]);
    expect(await pendingReminders(fx, [itemId])).toBe(2);
    const moved = dueSoon(2000);
    await changeItem(fx, itemId, 'due_at = $2', [moved]);

    await sink.waitFor(
      () => count(sink.to(s.owner.email), 'Overdue') === 1 && count(sink.to(s.chair.email), 'Overdue') === 1,
      45_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(moved.getTime());
    await settled(fx, [itemId]);
    await sleep(1500);
    expect(count(sink.to(s.owner.email), 'Due in')).toBe(1);
    expect(sink.to(s.owner.email)).toHaveLength(2);
    expect(sink.to(s.chair.email)).toHaveLength(1);
    const mine = await notifications(s.owner.id);
    expect(mine.map((n) => [n.kind, n.dueAt])).toEqual([
      ['WORK_ITEM_OVERDUE', moved.toISOString()],
      ['WORK_ITEM_DUE', moved.toISOString()],
    ]);
  });

  it('sends no overdue reminder for an item marked DONE', async () => {
    const s = await workItemScene(fx);
    await reminderPolicy(fx, s.initiativeId, [LEAD_MS]);
    const due = dueSoon();
    const itemId = await addItem(fx, s.planId, s.owner.id, due);
    // Marked DONE as soon as the due reminder fired: LEAD_S seconds before the overdue one would.
    await waitFor(
      async () => (await fx.query(`SELECT 1 FROM notification WHERE subject_id = $1`, [itemId])).length === 1,
      45_000,
    );
    await changeItem(fx, itemId, `status = 'DONE', percent_complete = 100`);
    await settled(fx, [itemId]);
    await sink.waitFor(() => sink.to(s.owner.email).length === 1, 10_000);
    expect(sink.to(s.owner.email).map((m) => m.subject!.split(':')[0])).toEqual([`Due in ${LEAD_S} seconds`]);
    expect(sink.to(s.chair.email)).toHaveLength(0);
    expect((await notifications(s.owner.id)).map((n) => n.kind)).toEqual(['WORK_ITEM_DUE']);
    expect(await pendingReminders(fx, [itemId])).toBe(0);
  });

  it('sends DUE to the chairs when the item has no owner', async () => {
    const s = await workItemScene(fx);
    await reminderPolicy(fx, s.initiativeId, [LEAD_MS], false);
    const itemId = await addItem(fx, s.planId, null, dueSoon());
    await sink.waitFor(() => count(sink.to(s.chair.email), 'Due in') === 1, 45_000);
    await settled(fx, [itemId]);
    expect(sink.to(s.chair.email)).toHaveLength(1);
    expect(sink.to(s.owner.email)).toHaveLength(0);
  });

  it('shows e-mail times in each recipient zone (Asia/Tokyo, America/New_York) and UTC', async () => {
    const s = await workItemScene(fx, { owner: 'Asia/Tokyo', chair: 'America/New_York' });
    await reminderPolicy(fx, s.initiativeId, [], true);
    const due = new Date(Date.now() + 2000);
    await addItem(fx, s.planId, s.owner.id, due);
    await sink.waitFor(() => sink.to(s.owner.email).length === 1 && sink.to(s.chair.email).length === 1, 30_000);
    const hhmm = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(due);
    const tokyo = sink.to(s.owner.email)[0];
    const newYork = sink.to(s.chair.email)[0];
    expect(tokyo.text).toContain(`${hhmm('Asia/Tokyo')} (Asia/Tokyo)`);
    expect(tokyo.text).toContain(`${hhmm('UTC')} UTC`);
    expect(tokyo.text).not.toContain('America/New_York');
    expect(newYork.text).toContain(`${hhmm('America/New_York')} (America/New_York)`);
    expect(newYork.html).toContain(`${hhmm('America/New_York')} (America/New_York)`);
    expect(newYork.text).toContain(`${hhmm('UTC')} UTC`);
  });

  it('a new reminder policy (setReminderPolicy) replans the pending reminders of the initiative', async () => {
    const s = await workItemScene(fx);
    await reminderPolicy(fx, s.initiativeId, [LEAD_MS]);
    const due = dueSoon(6000);
    const itemId = await addItem(fx, s.planId, s.owner.id, due);
    await planned(fx, [itemId]);
    expect(await pendingReminders(fx, [itemId])).toBe(2);
    // A longer lead time and no overdue reminder: replaces both planned ones.
    await reminderPolicy(fx, s.initiativeId, [10_000], false);
    await sink.waitFor(() => sink.to(s.owner.email).length === 1, 45_000);
    await settled(fx, [itemId, s.initiativeId]);
    await sleep(1500);
    expect(sink.to(s.owner.email).map((m) => m.subject!.split(':')[0])).toEqual(['Due in 10 seconds']);
    expect(sink.to(s.chair.email)).toHaveLength(0);
  });

  it('a new owner replaces the reminders of the old one', async () => {
    const s = await workItemScene(fx);
    const next = await fx.person(s.initiativeId, 'MEMBER');
    await fx.groupRole(s.groupId, next.id, 'MEMBER');
    await reminderPolicy(fx, s.initiativeId, [LEAD_MS]);
    const itemId = await addItem(fx, s.planId, s.owner.id, dueSoon());
    await planned(fx, [itemId]);
    expect(await pendingReminders(fx, [itemId])).toBe(2);
    await changeItem(fx, itemId, 'owner_id = $2', [next.id]);
    await sink.waitFor(
      () => count(sink.to(next.email), 'Overdue') === 1 && count(sink.to(s.chair.email), 'Overdue') === 1,
      45_000,
    );
    await settled(fx, [itemId]);
    await sleep(1500);
    expect(sink.to(next.email).map((m) => m.subject!.split(':')[0])).toEqual([`Due in ${LEAD_S} seconds`, 'Overdue']);
    expect(sink.to(s.owner.email)).toHaveLength(0);
    expect(sink.to(s.chair.email)).toHaveLength(1);
  });

  it('a reminder to an owner who left the group does nothing', async () => {
    const s = await workItemScene(fx);
    await reminderPolicy(fx, s.initiativeId, [LEAD_MS], false);
    const itemId = await addItem(fx, s.planId, s.owner.id, dueSoon());
    await planned(fx, [itemId]);
    expect(await pendingReminders(fx, [itemId])).toBe(1);
    await fx.query(`DELETE FROM group_member WHERE working_group_id = $1 AND person_id = $2`, [s.groupId, s.owner.id]);
    // The reminder fires (nothing is left pending) and finds nobody to tell.
    await settled(fx, [itemId]);
    expect(await fx.query(`SELECT 1 FROM notification WHERE subject_id = $1`, [itemId])).toHaveLength(0);
    expect(sink.to(s.owner.email)).toHaveLength(0);
    expect(sink.to(s.chair.email)).toHaveLength(0);
  });
});
