import { invitationNotification, NotificationsRepository } from '@app/reminders';
import { useFixtures } from '../support/fixtures';
import { errorCodes, useGateway } from '../support/gateway-harness';
import {
  addItem,
  dueSoon,
  LEAD,
  LEAD_S,
  pendingReminders,
  setPolicy,
  sleep,
  useReminderStack,
  workItemScene,
} from '../support/reminders';
import { useDatabaseOfItsOwn } from '../support/own-database';

const LIST = `query ($unreadOnly: Boolean, $first: Int, $after: String) {
  myNotifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind title readAt emailedAt dueAt } }
  }
}`;

type Page = {
  myNotifications: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; kind: string; title: string; readAt: string | null; emailedAt: string | null } }[];
  };
};

/** A whole-hour zone where the local hour is now within [from, to]. */
function zoneWithLocalHour(from: number, to: number): string {
  for (let offset = -11; offset <= 14; offset++) {
    const zone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()),
    );
    if (hour >= from && hour <= to) return zone;
  }
  throw new Error('no zone');
}

useDatabaseOfItsOwn();

describe('in-app notifications and preferences', () => {
  const gateway = useGateway();
  const fx = useFixtures();

  async function seed(personId: string, n: number): Promise<string[]> {
    const rows = await fx.query<{ id: string }>(
      `INSERT INTO notification (person_id, kind, subject_id, title, body, created_at)
       SELECT $1, 'WORK_ITEM_DUE', gen_random_uuid(), 'N' || g, 'body', now() - make_interval(secs => g)
         FROM generate_series(1, $2) g ORDER BY g RETURNING id`,
      [personId, n],
    );
    return rows.map((r) => r.id);
  }

  it('lists the caller’s notifications newest first, pages through them, filters unread and marks read', async () => {
    const initiative = await fx.initiative();
    const me = await fx.person(initiative.id);
    const other = await fx.person(initiative.id);
    const ids = await seed(me.id, 5);
    await seed(other.id, 2);

    const page1 = await gateway.gql<Page>(LIST, { first: 2 }, me.token);
    expect(page1.errors).toBeUndefined();
    expect(page1.data!.myNotifications.totalCount).toBe(5);
    expect(page1.data!.myNotifications.edges.map((e) => e.node.title)).toEqual(['N1', 'N2']);
    expect(page1.data!.myNotifications.pageInfo.hasNextPage).toBe(true);
    const page2 = await gateway.gql<Page>(LIST, { first: 10, after: page1.data!.myNotifications.pageInfo.endCursor }, me.token);
    expect(page2.data!.myNotifications.edges.map((e) => e.node.title)).toEqual(['N3', 'N4', 'N5']);
    expect(page2.data!.myNotifications.pageInfo.hasNextPage).toBe(false);

    const mark = await gateway.gql<{ markNotificationsRead: number }>(
      `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
      { ids: [ids[0], ids[1], 'not-a-uuid'] },
      me.token,
    );
    expect(mark.data).toEqual({ markNotificationsRead: 2 });
    const again = await gateway.gql(`mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids: [ids[0]] }, me.token);
    expect(again.data).toEqual({ markNotificationsRead: 0 });
    const othersIds = (await fx.query<{ id: string }>(`SELECT id FROM notification WHERE person_id = $1`, [other.id])).map(
      (r) => r.id,
    );
    const foreign = await gateway.gql(
      `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
      { ids: othersIds },
      me.token,
    );
    expect(foreign.data).toEqual({ markNotificationsRead: 0 });

    const unread = await gateway.gql<Page>(LIST, { unreadOnly: true }, me.token);
    expect(unread.data!.myNotifications.totalCount).toBe(3);
    expect(unread.data!.myNotifications.edges.map((e) => e.node.title)).toEqual(['N3', 'N4', 'N5']);

    expect(errorCodes(await gateway.gql(LIST, {}))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gateway.gql(LIST, { after: 'garbage' }, me.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('reads and sets the e-mail mode (default IMMEDIATE)', async () => {
    const me = await fx.person(null);
    const read = await gateway.gql(`{ myNotificationPreferences { emailMode } }`, {}, me.token);
    expect(read.data).toEqual({ myNotificationPreferences: { emailMode: 'IMMEDIATE' } });
    const set = await gateway.gql(
      `mutation { setMyNotificationPreferences(emailMode: DAILY_DIGEST) { emailMode } }`,
      {},
      me.token,
    );
    expect(set.data).toEqual({ setMyNotificationPreferences: { emailMode: 'DAILY_DIGEST' } });
    const after = await gateway.gql(`{ myNotificationPreferences { emailMode } }`, {}, me.token);
    expect(after.data).toEqual({ myNotificationPreferences: { emailMode: 'DAILY_DIGEST' } });
    expect(
      errorCodes(
        await gateway.gql(`mutation { setMyNotificationPreferences(emailMode: SOMETIMES) { emailMode } }`, {}, me.token),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('setReminderPolicy: SECRETARIAT only, validated, shown on Initiative.reminderPolicy (default P14D, P7D, P1D)', async () => {
    const initiative = await fx.initiative();
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    const member = await fx.person(initiative.id, 'MEMBER');
    const outsider = await fx.person(null);
    const Q = `query ($slug: String!) { initiative(slug: $slug) { reminderPolicy { leadTimes remindOverdue } } }`;
    const before = await gateway.gql<{ initiative: { reminderPolicy: unknown } }>(Q, { slug: initiative.slug }, member.token);
    expect(before.data?.initiative.reminderPolicy).toEqual({ leadTimes: ['P14D', 'P7D', 'P1D'], remindOverdue: true });

    const M = `mutation ($input: SetReminderPolicyInput!) { setReminderPolicy(input: $input) { leadTimes remindOverdue } }`;
    const input = { initiativeId: initiative.id, leadTimes: ['PT12H', 'P3D', 'PT12H'], remindOverdue: false };
    expect(errorCodes(await gateway.gql(M, { input }, member.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gateway.gql(M, { input }, outsider.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gateway.gql(M, { input: { ...input, initiativeId: 'nope' } }, secretariat.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await gateway.gql(M, { input: { ...input, leadTimes: ['PT0S'] } }, secretariat.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await gateway.gql(M, { input: { ...input, leadTimes: ['P1M'] } }, secretariat.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const [{ n: outboxBefore }] = await fx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_event WHERE subject_id = $1`,
      [initiative.id],
    );
    expect(outboxBefore).toBe(0);

    const ok = await gateway.gql(M, { input }, secretariat.token);
    expect(ok.data).toEqual({ setReminderPolicy: { leadTimes: ['P3D', 'PT12H'], remindOverdue: false } });
    const after = await gateway.gql<{ initiative: { reminderPolicy: unknown } }>(Q, { slug: initiative.slug }, member.token);
    expect(after.data?.initiative.reminderPolicy).toEqual({ leadTimes: ['P3D', 'PT12H'], remindOverdue: false });
    const topics = await fx.query<{ topic: string }>(`SELECT topic FROM outbox_event WHERE subject_id = $1`, [initiative.id]);
    expect(topics).toEqual([{ topic: 'reminders.policy_changed' }]);
  });

  it('records an INVITATION notification once per person and initiative, as already e-mailed', async () => {
    const initiative = await fx.initiative();
    const invited = await fx.person(initiative.id);
    const notifications = gateway.app.get(NotificationsRepository);
    const invitation = () => invitationNotification(invited.id, { id: initiative.id, name: initiative.slug }, new Date());
    await notifications.insertInvitations([invitation()]);
    await notifications.insertInvitations([invitation()]);
    const list = await gateway.gql<Page>(LIST, {}, invited.token);
    expect(list.data!.myNotifications.totalCount).toBe(1);
    expect(list.data!.myNotifications.edges[0].node.kind).toBe('INVITATION');
    expect(list.data!.myNotifications.edges[0].node.emailedAt).not.toBeNull();
  });
});

describe('e-mail modes (real worker and SMTP sink)', () => {
  const { gateway, sink, fx } = useReminderStack({ gateway: true, worker: { DIGEST_EVERY_MS: '1000' } });

  it('OFF: in-app only; DAILY_DIGEST: one digest after 08:00 local time listing the notifications, none when there are none', async () => {
    const s = await workItemScene(fx, { owner: zoneWithLocalHour(9, 22), chair: zoneWithLocalHour(0, 6) });
    const idle = await fx.person(s.initiativeId, 'MEMBER', { timeZone: zoneWithLocalHour(9, 22) });
    const digestPeople = [s.owner.id, s.chair.id, idle.id];
    // Today's digest counts as sent until the test moves the clock of the digest to "08:00".
    await fx.query(
      `INSERT INTO notification_preferences (person_id, email_mode, digest_sent_on)
       SELECT id, 'DAILY_DIGEST', (now() AT TIME ZONE time_zone)::date FROM person WHERE id = ANY($1::uuid[])`,
      [digestPeople],
    );
    const off = await fx.person(s.initiativeId, 'MEMBER');
    await fx.groupRole(s.groupId, off.id, 'MEMBER');
    await fx.query(`INSERT INTO notification_preferences (person_id, email_mode) VALUES ($1, 'OFF')`, [off.id]);
    await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, [LEAD]);
    const itemIds = [await addItem(fx, s.planId, s.owner.id, dueSoon()), await addItem(fx, s.planId, off.id, dueSoon())];
    const notified = async (personId: string) =>
      (
        await fx.query<{ n: number; emailed: number }>(
          `SELECT count(*)::int AS n, count(emailed_at)::int AS emailed FROM notification WHERE person_id = $1`,
          [personId],
        )
      )[0];
    const deadline = Date.now() + 45_000;
    while ((await notified(s.owner.id)).n < 2 || (await notified(s.chair.id)).n < 2) {
      if (Date.now() > deadline) throw new Error('notifications did not appear');
      await sleep(200);
    }
    expect(await pendingReminders(fx, itemIds)).toBe(0);
    await sleep(1500);
    expect([s.owner.email, s.chair.email, idle.email, off.email].map((e) => sink.to(e).length)).toEqual([0, 0, 0, 0]);

    await fx.query(`UPDATE notification_preferences SET digest_sent_on = digest_sent_on - 1 WHERE person_id = ANY($1::uuid[])`, [
      digestPeople,
    ]);
    await sink.waitFor(() => sink.to(s.owner.email).length >= 1, 30_000);
    await sleep(2500);
    const digests = sink.to(s.owner.email);
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toMatch(/^Daily digest: 2 notifications \(\d{4}-\d{2}-\d{2}\)$/);
    expect(digests[0].text).toContain(`Due in ${LEAD_S} seconds`);
    expect(digests[0].text).toContain('Overdue');
    expect(await notified(s.owner.id)).toEqual({ n: 2, emailed: 2 });
    // The chair's local time is before 08:00: not yet. Nobody-to-report gets nothing. OFF: in-app only.
    expect(sink.to(s.chair.email)).toHaveLength(0);
    expect(await notified(s.chair.id)).toEqual({ n: 2, emailed: 0 });
    expect(sink.to(idle.email)).toHaveLength(0);
    const [idleRow] = await fx.query<{ today: boolean }>(
      `SELECT np.digest_sent_on = (now() AT TIME ZONE p.time_zone)::date AS today
         FROM notification_preferences np JOIN person p ON p.id = np.person_id WHERE np.person_id = $1`,
      [idle.id],
    );
    expect(idleRow.today).toBe(true);
    expect(sink.to(off.email)).toHaveLength(0);
    expect(await notified(off.id)).toEqual({ n: 2, emailed: 0 });
  }, 90_000);

  it('records invitations sent by registration as INVITATION notifications, without a second e-mail', async () => {
    const initiative = await fx.initiative();
    const invited = await fx.person(initiative.id);
    // As identity issues an invitation: the row and its outbox event in one transaction.
    await fx.query(
      `WITH i AS (INSERT INTO invitation (person_id, initiative_id, token_hash, expires_at)
                  VALUES ($1, $2, md5(random()::text), now() + interval '7 days') RETURNING id)
       INSERT INTO outbox_event (topic, subject_id, payload)
       SELECT 'invitation.created', id, jsonb_build_object('personId', $1::uuid, 'initiativeId', $2::uuid) FROM i`,
      [invited.id, initiative.id],
    );
    const deadline = Date.now() + 30_000;
    let kinds: string[] = [];
    while (Date.now() < deadline) {
      const list = await gateway.gql<Page>(LIST, {}, invited.token);
      kinds = list.data!.myNotifications.edges.map((e) => e.node.kind);
      if (kinds.length) break;
      await sleep(100);
    }
    expect(kinds).toEqual(['INVITATION']);
    await sleep(1000);
    expect(sink.to(invited.email)).toHaveLength(0);
  });
});
