import {
  addItem,
  changeItem,
  count,
  setPolicy,
  sleep,
  workItemScene,
  type ReminderStack,
  startReminderStack,
} from '../support/reminders';

const NOTIFICATIONS = `query ($unreadOnly: Boolean) {
  myNotifications(unreadOnly: $unreadOnly) { totalCount edges { node { id kind subjectId title body dueAt createdAt emailedAt readAt } } }
}`;

interface Node {
  id: string;
  kind: string;
  subjectId: string;
  dueAt: string | null;
  emailedAt: string | null;
}

describe('work item reminders (real Redis, worker and SMTP sink)', () => {
  let stack: ReminderStack;
  let gateway: ReminderStack['gateway'];
  let sink: ReminderStack['sink'];
  let fx: ReminderStack['fx'];

  beforeAll(async () => {
    stack = await startReminderStack();
    ({ gateway, sink, fx } = stack);
  });
  afterAll(() => stack?.close());

  const notifications = async (token: string) => {
    const result = await gateway.gql<{ myNotifications: { totalCount: number; edges: { node: Node }[] } }>(
      NOTIFICATIONS,
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.myNotifications.edges.map((e) => e.node);
  };

  it('sends one WORK_ITEM_DUE to the owner 2 s before, and one WORK_ITEM_OVERDUE each to the owner and the chair', async () => {
    const s = await workItemScene(fx);
    await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, ['PT2S']);
    const due = new Date(Date.now() + 5000);
    const itemId = await addItem(fx, s.planId, s.owner.id, due);

    await sink.waitFor(() => count(sink.to(s.owner.email), 'Due in') === 1, 8000);
    const dueMail = sink.to(s.owner.email).find((m) => m.subject?.startsWith('Due in'))!;
    const sentAt = dueMail.date!.getTime();
    expect(sentAt).toBeGreaterThanOrEqual(due.getTime() - 2000 - 1000); // Date header has second precision
    expect(sentAt).toBeLessThan(due.getTime());
    expect(dueMail.subject).toBe(`Due in 2 seconds: ${dueMail.subject!.slice('Due in 2 seconds: '.length)}`);

    await sink.waitFor(
      () => count(sink.to(s.owner.email), 'Overdue') === 1 && count(sink.to(s.chair.email), 'Overdue') === 1,
      8000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(due.getTime());
    await sleep(1500);
    expect(count(sink.to(s.owner.email), 'Due in')).toBe(1);
    expect(count(sink.to(s.owner.email), 'Overdue')).toBe(1);
    expect(sink.to(s.owner.email)).toHaveLength(2);
    expect(sink.to(s.chair.email)).toHaveLength(1);
    expect(sink.to(s.secretariat.email)).toHaveLength(0);
    expect(dueMail.text).toContain('Open: http');
    expect(dueMail.text).toContain(`/work-items/${itemId}`);
    expect(dueMail.html).toContain('<table>');

    const mine = await notifications(s.owner.token);
    expect(mine.map((n) => n.kind)).toEqual(['WORK_ITEM_OVERDUE', 'WORK_ITEM_DUE']);
    expect(mine.every((n) => n.subjectId === itemId && n.dueAt === due.toISOString() && n.emailedAt !== null)).toBe(true);
    const chairs = await notifications(s.chair.token);
    expect(chairs.map((n) => n.kind)).toEqual(['WORK_ITEM_OVERDUE']);
  });

  it('reminds only of the new deadline when it moves before the first reminder', async () => {
    const s = await workItemScene(fx);
    await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, ['PT2S']);
    const first = new Date(Date.now() + 6000);
    const itemId = await addItem(fx, s.planId, s.owner.id, first);
    await sleep(1000);
    const moved = new Date(Date.now() + 7000);
    await changeItem(fx, itemId, 'due_at = $2', [moved]);

    await sink.waitFor(
      () => count(sink.to(s.owner.email), 'Overdue') === 1 && count(sink.to(s.chair.email), 'Overdue') === 1,
      12_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(moved.getTime());
    await sleep(1500);
    expect(count(sink.to(s.owner.email), 'Due in')).toBe(1);
    expect(sink.to(s.owner.email)).toHaveLength(2);
    expect(sink.to(s.chair.email)).toHaveLength(1);
    const mine = await notifications(s.owner.token);
    expect(mine.map((n) => [n.kind, n.dueAt])).toEqual([
      ['WORK_ITEM_OVERDUE', moved.toISOString()],
      ['WORK_ITEM_DUE', moved.toISOString()],
    ]);
  });

  it('sends no overdue reminder for an item marked DONE', async () => {
    const s = await workItemScene(fx);
    await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, ['PT2S']);
    const due = new Date(Date.now() + 4000);
    const itemId = await addItem(fx, s.planId, s.owner.id, due);
    await sink.waitFor(() => count(sink.to(s.owner.email), 'Due in') === 1, 6000);
    await changeItem(fx, itemId, `status = 'DONE', percent_complete = 100`);
    await sleep(Math.max(0, due.getTime() - Date.now()) + 2500);
    expect(sink.to(s.owner.email)).toHaveLength(1);
    expect(sink.to(s.chair.email)).toHaveLength(0);
    expect((await notifications(s.owner.token)).map((n) => n.kind)).toEqual(['WORK_ITEM_DUE']);
    const [{ n }] = await fx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM planned_reminder WHERE subject_id = $1 AND fired_at IS NULL`,
      [itemId],
    );
    expect(n).toBe(0);
  });

  it('sends DUE to the chairs when the item has no owner', async () => {
    const s = await workItemScene(fx);
    await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, ['PT1S'], false);
    const due = new Date(Date.now() + 2500);
    await addItem(fx, s.planId, null, due);
    await sink.waitFor(() => count(sink.to(s.chair.email), 'Due in') === 1, 6000);
    await sleep(Math.max(0, due.getTime() - Date.now()) + 1500);
    expect(sink.to(s.chair.email)).toHaveLength(1);
    expect(sink.to(s.owner.email)).toHaveLength(0);
  });

  it('shows e-mail times in each recipient zone (Asia/Tokyo, America/New_York) and UTC', async () => {
    const s = await workItemScene(fx, { owner: 'Asia/Tokyo', chair: 'America/New_York' });
    await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, [], true);
    const due = new Date(Date.now() + 2000);
    await addItem(fx, s.planId, s.owner.id, due);
    await sink.waitFor(() => sink.to(s.owner.email).length === 1 && sink.to(s.chair.email).length === 1, 8000);
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

  it('setReminderPolicy replans the pending reminders of the initiative', async () => {
    const s = await workItemScene(fx);
    await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, ['PT2S']);
    const due = new Date(Date.now() + 6000);
    await addItem(fx, s.planId, s.owner.id, due);
    await sleep(800);
    await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, ['PT3S'], false);
    await sink.waitFor(() => sink.to(s.owner.email).length === 1, 8000);
    await sleep(Math.max(0, due.getTime() - Date.now()) + 2000);
    expect(sink.to(s.owner.email).map((m) => m.subject!.split(':')[0])).toEqual(['Due in 3 seconds']);
    expect(sink.to(s.chair.email)).toHaveLength(0);
  });

  it('a new owner replaces the reminders of the old one', async () => {
    const s = await workItemScene(fx);
    const next = await fx.person(s.initiativeId, 'MEMBER');
    await fx.groupRole(s.groupId, next.id, 'MEMBER');
    await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, ['PT2S']);
    const due = new Date(Date.now() + 5000);
    const itemId = await addItem(fx, s.planId, s.owner.id, due);
    await sleep(800);
    await changeItem(fx, itemId, 'owner_id = $2', [next.id]);
    await sink.waitFor(() => count(sink.to(next.email), 'Overdue') === 1 && count(sink.to(s.chair.email), 'Overdue') === 1, 8000);
    await sleep(1500);
    expect(sink.to(next.email).map((m) => m.subject!.split(':')[0])).toEqual(['Due in 2 seconds', 'Overdue']);
    expect(sink.to(s.owner.email)).toHaveLength(0);
    expect(sink.to(s.chair.email)).toHaveLength(1);
  });

  it('a reminder to an owner who left the group does nothing', async () => {
    const s = await workItemScene(fx);
    await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, ['PT2S'], false);
    const due = new Date(Date.now() + 3000);
    await addItem(fx, s.planId, s.owner.id, due);
    await sleep(300);
    await fx.query(`DELETE FROM group_member WHERE working_group_id = $1 AND person_id = $2`, [s.groupId, s.owner.id]);
    await sleep(Math.max(0, due.getTime() - Date.now()) + 1500);
    expect(sink.to(s.owner.email)).toHaveLength(0);
    expect(sink.to(s.chair.email)).toHaveLength(0);
  });
});
