import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JOBS, QUEUES } from '@app/platform';
import { ReminderFiring } from '@app/reminders';
import { useFixtures } from '../support/fixtures';
import { useDatabaseOfItsOwn } from '../support/own-database';
import { dueReminderScene, sleep, startWorker } from '../support/reminders';
import { SmtpSink } from '../support/smtp-sink';
import { testConfig } from '../support/test-config';
import { waitFor } from '../support/tor-fixtures';

type Scene = Awaited<ReturnType<typeof dueReminderScene>>;

useDatabaseOfItsOwn();

describe('reminders fire in batches (two in-process workers, real PostgreSQL, Redis and SMTP sink)', () => {
  const fx = useFixtures();
  let sink: SmtpSink;
  let workers: INestApplicationContext[];
  let prefix: string;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    const config = testConfig();
    prefix = config.QUEUE_PREFIX;
    const env = { QUEUE_PREFIX: prefix, SMTP_URL: sink.url, RECONCILE_EVERY_MS: '3600000' };
    workers = [await startWorker(env), await startWorker(env)];
    // The first reconciliation runs at boot: it must be over before this file's data exists, or it
    // would fire what the tests sweep themselves. It is over when nothing waits or runs and its next
    // run (in an hour) is queued; other delayed jobs (ticks of reminders other files left in the
    // shared database, weeks ahead) may be there too.
    const reminders = new Queue(QUEUES.reminders, { connection: { url: config.REDIS_URL }, prefix });
    try {
      await waitFor(async () => {
        const counts = await reminders.getJobCounts('waiting', 'active', 'prioritized');
        if (counts.waiting + counts.active + counts.prioritized !== 0) return false;
        return (await reminders.getDelayed()).some((job) => job.name === JOBS.reminders.reconcile);
      }, 30_000);
    } finally {
      await reminders.close();
    }
  });
  afterAll(async () => {
    await Promise.all((workers ?? []).map((w) => w.close()));
    await sink?.stop();
  });

  const processor = (i: number) => workers[i].get(ReminderFiring);

  async function facts(scene: Scene) {
    const [row] = await fx.query<{
      notifications: number;
      subjects: number;
      emailed: number;
      once: number;
      fired: number;
      pending: number;
    }>(
      `SELECT count(*)::int AS notifications, count(DISTINCT subject_id)::int AS subjects,
              count(*) FILTER (WHERE emailed_at IS NOT NULL)::int AS emailed,
              count(*) FILTER (WHERE email_attempts = 1)::int AS once,
              (SELECT count(*) FROM planned_reminder WHERE initiative_id = $1 AND fired_at IS NOT NULL)::int AS fired,
              (SELECT count(*) FROM planned_reminder WHERE initiative_id = $1 AND fired_at IS NULL)::int AS pending
         FROM notification WHERE initiative_id = $1`,
      [scene.initiativeId],
    );
    return row;
  }

  /** Message-IDs the sink received for the scene's people, in arrival order. */
  const messageIds = (scene: Scene) => scene.people.flatMap((p) => sink.to(p.email).map((m) => m.messageId));

  async function expectEachEmailedOnce(scene: Scene, n: number) {
    await sink.waitFor(() => messageIds(scene).length >= n, 60_000);
    await sleep(1500); // a duplicate, if any, would arrive now
    const ids = await fx.query<{ id: string }>(`SELECT id FROM notification WHERE initiative_id = $1`, [scene.initiativeId]);
    const received = messageIds(scene);
    expect(received).toHaveLength(n);
    expect(new Set(received).size).toBe(n);
    expect([...received].sort()).toEqual(ids.map((r) => `<${r.id}@wgcollab>`).sort());
  }

  it('1,200 due reminders swept by two workers at once: exactly one notification each, each e-mailed once', async () => {
    const n = 1200;
    const scene = await dueReminderScene(fx, n);
    expect(await facts(scene)).toEqual({ notifications: 0, subjects: 0, emailed: 0, once: 0, fired: 0, pending: n });

    const [a, b] = await Promise.all([processor(0).fireDue(), processor(1).fireDue()]);
    expect(a.busy + b.busy).toBe(0);
    expect(a.stale + b.stale).toBe(0);
    expect(a.fired + b.fired).toBe(n);
    expect(a.notifications + b.notifications).toBe(n);
    expect(await facts(scene)).toMatchObject({ notifications: n, subjects: n, fired: n, pending: 0 });

    await expectEachEmailedOnce(scene, n);
    expect(await facts(scene)).toEqual({ notifications: n, subjects: n, emailed: n, once: n, fired: n, pending: 0 });
    // A later sweep finds nothing left to do.
    expect(await processor(0).fireDue()).toMatchObject({ claimed: 0, fired: 0, notifications: 0 });
  }, 120_000);

  it('a batch rolled back (its worker died) leaves its reminders due; locked rows and busy subjects are skipped, never waited for, and fired later', async () => {
    const n = 30;
    const scene = await dueReminderScene(fx, n, 2);

    // A worker dies in the middle of a batch: the transaction rolls back, nothing is lost.
    const killed = new Error('worker killed mid-batch');
    let inside: { fired: number; mails: number } | null = null;
    await expect(
      workers[0].get(DataSource).transaction(async (m) => {
        const { result, mails } = await processor(0).fireBatchIn(m);
        inside = { fired: result.fired, mails: mails.length };
        throw killed;
      }),
    ).rejects.toBe(killed);
    expect(inside).toEqual({ fired: n, mails: n });
    expect(await facts(scene)).toEqual({ notifications: 0, subjects: 0, emailed: 0, once: 0, fired: 0, pending: n });

    // Another batch holds 10 rows (FOR UPDATE) and the planner holds one subject's lock.
    const other = new Client({ connectionString: testConfig().DATABASE_URL });
    await other.connect();
    try {
      await other.query('BEGIN');
      const held = await other.query<{ job_id: string }>(
        `SELECT job_id FROM planned_reminder WHERE initiative_id = $1 ORDER BY job_id LIMIT 10 FOR UPDATE`,
        [scene.initiativeId],
      );
      expect(held.rows).toHaveLength(10);
      const [busySubject] = (
        await other.query<{ subject_id: string }>(
          `SELECT subject_id FROM planned_reminder WHERE initiative_id = $1 AND NOT (job_id = ANY($2::text[])) ORDER BY job_id LIMIT 1`,
          [scene.initiativeId, held.rows.map((r) => r.job_id)],
        )
      ).rows;
      await other.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [busySubject.subject_id]);

      const started = Date.now();
      const first = await processor(1).fireDue();
      // A sweep that waited for the held rows would wait until they are released below: never.
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(first).toMatchObject({ claimed: n - 10, fired: n - 11, busy: 1, notifications: n - 11 });
      expect(await facts(scene)).toMatchObject({ notifications: n - 11, fired: n - 11, pending: 11 });
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }

    // The released rows are due again: a sweep (or the retry tick the busy row scheduled) fires them once.
    await processor(0).fireDue();
    const deadline = Date.now() + 10_000;
    while ((await facts(scene)).pending > 0 && Date.now() < deadline) await sleep(100);
    expect(await facts(scene)).toMatchObject({ notifications: n, subjects: n, fired: n, pending: 0 });
    await expectEachEmailedOnce(scene, n);
    expect(await facts(scene)).toEqual({ notifications: n, subjects: n, emailed: n, once: n, fired: n, pending: 0 });
  }, 60_000);
});
