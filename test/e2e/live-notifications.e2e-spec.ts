import type { INestApplicationContext } from '@nestjs/common';
import { SqlStatementCounter } from '@app/platform';
import { subscribed, useReplicas } from '../support/live-client';
import { startWorker } from '../support/reminders';
import { community, draftTor, openBallot } from '../support/tor-fixtures';
import { type Json, ok } from '../support/gateway-harness';
import { useDatabaseOfItsOwn } from '../support/own-database';

const FIELDS = 'id kind subjectId title body dueAt createdAt emailedAt readAt';
const NOTIFICATION_ADDED = `subscription { notificationAdded { ${FIELDS} } }`;
const MINE = `query { myNotifications(first: 200) { edges { node { ${FIELDS} } } } }`;

/**
 * notificationAdded across two gateway replicas: notifications created by a worker, or by any
 * other writer, reach their own person's subscriptions on every replica, and nobody else's.
 */
useDatabaseOfItsOwn();

describe('live notifications (Subscription.notificationAdded)', () => {
  const replicas = useReplicas();
  const { client } = replicas;

  /** The person's notifications as myNotifications lists them, newest first. */
  const stored = async (token: string) =>
    ok(await replicas.a.gql(MINE, {}, token)).myNotifications.edges.map((e: { node: Json }) => e.node) as Json[];

  /** A notification written straight to PostgreSQL, as any other process could. */
  const insertFor = (personId: string, title: string) =>
    replicas.fixtures.query(
      `INSERT INTO notification (person_id, kind, subject_id, title, body) VALUES ($1, 'WORK_ITEM_DUE', gen_random_uuid(), $2, 'Body')`,
      [personId, title],
    );

  it("delivers the BALLOT_OPENED notification a worker creates to each elector's own subscription, on either replica", async () => {
    const { a, b, fixtures } = replicas;
    const c = await community(fixtures, 3);
    const [p, q] = c.members;
    // In-app only: their rows stay exactly as created (no e-mail marks them sent meanwhile).
    await fixtures.query(`INSERT INTO notification_preferences (person_id, email_mode) SELECT unnest($1::uuid[]), 'OFF'`, [
      c.members.map((m) => m.id),
    ]);
    const onB = await subscribed<Json>(b, client(b, p.token), NOTIFICATION_ADDED);
    const onA = await subscribed<Json>(a, client(a, q.token), NOTIFICATION_ADDED);
    const tor = await draftTor(a, c.secretariat.token, c.initiative.id);

    let worker: INestApplicationContext | null = null;
    try {
      worker = await startWorker({ QUEUE_PREFIX: a.config.QUEUE_PREFIX });
      const ballot = await openBallot(a, c.secretariat.token, tor.id);
      const mine = (await onB.next('p: BALLOT_OPENED')).notificationAdded;
      const theirs = (await onA.next('q: BALLOT_OPENED')).notificationAdded;
      expect(mine).toMatchObject({ kind: 'BALLOT_OPENED', subjectId: ballot.id, emailedAt: null, readAt: null });
      expect([mine]).toEqual(await stored(p.token));
      expect([theirs]).toEqual(await stored(q.token));
      expect(theirs.id).not.toBe(mine.id);
    } finally {
      await worker?.close();
    }
    // The batch held all three electors' rows: had any other one reached p, it would come before this.
    await insertFor(p.id, 'Marker');
    expect((await onB.next('marker')).notificationAdded).toMatchObject({ kind: 'WORK_ITEM_DUE', title: 'Marker' });
  });

  it('1,000 notifications in one INSERT for people nobody subscribed as, plus 3 for a subscriber: one statement, only those 3', async () => {
    const { a, b, fixtures } = replicas;
    const c = await community(fixtures, 1);
    const [me] = c.members;
    const mine = await subscribed<Json>(b, client(b, me.token), NOTIFICATION_ADDED);
    const others = await fixtures.query<{ id: string }>(
      `INSERT INTO person (name, email, time_zone)
       SELECT 'Bystander ' || g, 'bystander-' || g || '-' || $1 || '@example.org', 'UTC' FROM generate_series(1, 1000) g RETURNING id`,
      [me.id],
    );
    await Promise.all([a.settle(), b.settle()]);

    const before = SqlStatementCounter.instance.total;
    await fixtures.query(
      `INSERT INTO notification (person_id, kind, subject_id, title, body, created_at)
       SELECT person_id, 'WORK_ITEM_DUE', gen_random_uuid(), title, 'Body', now() + make_interval(secs => n)
         FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS t (person_id, title, n)`,
      [
        [...others.map((o) => o.id), me.id, me.id, me.id],
        [...others.map(() => 'Not yours'), 'One', 'Two', 'Three'],
      ],
    );
    const titles = [];
    for (let i = 0; i < 3; i++) titles.push((await mine.next()).notificationAdded.title);
    // Both replicas heard the commit; only B, where somebody is subscribed, read anything.
    const statements = SqlStatementCounter.instance.total - before;
    expect(titles).toEqual(['One', 'Two', 'Three']);
    expect(statements).toBe(1);

    await insertFor(me.id, 'Next');
    expect((await mine.next()).notificationAdded.title).toBe('Next');
  });

  it('a notification committed while the change listeners are down arrives once they are back', async () => {
    const { b, fixtures } = replicas;
    const c = await community(fixtures, 1);
    const [me] = c.members;
    const mine = await subscribed<Json>(b, client(b, me.token), NOTIFICATION_ADDED);
    // The gateways' LISTEN connections end (they reconnect after 0.5 s); the notice of this
    // commit, sent meanwhile, reaches nobody: only the cursor can find the row.
    await fixtures.query(
      `SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'wgcollab-changes'`,
    );
    await insertFor(me.id, 'Sent during the outage');
    expect((await mine.next('after the outage')).notificationAdded.title).toBe('Sent during the outage');
  });
});
