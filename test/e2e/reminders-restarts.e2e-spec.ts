import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUES } from '@app/platform';
import { useFixtures } from '../support/fixtures';
import { useGateway } from '../support/gateway-harness';
import { type RunningProcess, startBuiltApp, startThrowawayRedis } from '../support/processes';
import {
  addItem,
  count,
  dueSoon,
  LEAD,
  planned,
  setPolicy,
  settled,
  sleep,
  startWorker,
  workItemScene,
} from '../support/reminders';
import { SmtpSink } from '../support/smtp-sink';
import { waitFor } from '../support/tor-fixtures';
import { useDatabaseOfItsOwn } from '../support/own-database';

type Scene = Awaited<ReturnType<typeof workItemScene>>;

/** Each item: one DUE to the owner, one OVERDUE each to the owner and the chair. */
async function expectExactlyOnce(sink: SmtpSink, scenes: Scene[]) {
  for (const s of scenes) {
    expect([count(sink.to(s.owner.email), 'Due in'), count(sink.to(s.owner.email), 'Overdue')]).toEqual([1, 1]);
    expect(sink.to(s.owner.email)).toHaveLength(2);
    expect(sink.to(s.chair.email)).toHaveLength(1);
  }
}

const allArrived = (sink: SmtpSink, scenes: Scene[]) => () =>
  scenes.every((s) => sink.to(s.owner.email).length >= 2 && sink.to(s.chair.email).length >= 1);

useDatabaseOfItsOwn();

describe('reminders survive restarts (real Redis, workers and SMTP sink)', () => {
  const sink = new SmtpSink();
  beforeAll(() => sink.start());
  afterAll(() => sink.stop());

  describe('two workers and a killed worker', () => {
    const gateway = useGateway(() => ({ SMTP_URL: sink.url }));
    const fx = useFixtures();

    it('two workers running together send every reminder once', async () => {
      const env = { QUEUE_PREFIX: gateway.config.QUEUE_PREFIX, SMTP_URL: sink.url };
      const workers = [await startWorker(env), await startWorker(env)];
      try {
        const scenes: Scene[] = [];
        const itemIds: string[] = [];
        for (let i = 0; i < 3; i++) {
          const s = await workItemScene(fx);
          await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, [LEAD]);
          itemIds.push(await addItem(fx, s.planId, s.owner.id, dueSoon()));
          scenes.push(s);
        }
        await sink.waitFor(allArrived(sink, scenes), 45_000);
        await settled(fx, itemIds);
        await sleep(2000);
        await expectExactlyOnce(sink, scenes);
      } finally {
        await Promise.all(workers.map((w) => w.close()));
      }
    }, 90_000);

    it('a worker killed with SIGKILL while reminders are due, then restarted: every reminder arrives, none twice', async () => {
      const env = {
        DATABASE_URL: gateway.config.DATABASE_URL,
        REDIS_URL: gateway.config.REDIS_URL,
        QUEUE_PREFIX: gateway.config.QUEUE_PREFIX,
        SMTP_URL: sink.url,
        OUTBOX_POLL_MS: '200',
        RECONCILE_EVERY_MS: '2000',
        LOG_LEVEL: 'info',
      };
      let worker: RunningProcess = startBuiltApp('worker', env);
      try {
        await worker.waitFor(/worker started/);
        const scenes: Scene[] = [];
        const itemIds: string[] = [];
        for (let i = 0; i < 3; i++) {
          const s = await workItemScene(fx);
          await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, [LEAD]);
          itemIds.push(await addItem(fx, s.planId, s.owner.id, dueSoon(i * 3000)));
          scenes.push(s);
        }
        // Everything planned, the first reminder sent, the others still due: then the kill.
        await planned(fx, itemIds);
        await sink.waitFor(() => count(sink.to(scenes[0].owner.email), 'Due in') === 1, 45_000);
        expect(await worker.stop('SIGKILL')).toBeNull();
        await sleep(4000);
        worker = startBuiltApp('worker', env);
        await worker.waitFor(/worker started/);
        await sink.waitFor(allArrived(sink, scenes), 60_000);
        await settled(fx, itemIds);
        await sleep(2000);
        await expectExactlyOnce(sink, scenes);
      } finally {
        await worker.stop('SIGTERM');
      }
    }, 150_000);
  });

  describe('Redis emptied (a throwaway Redis, never the shared one)', () => {
    let redis: Awaited<ReturnType<typeof startThrowawayRedis>>;
    let worker: INestApplicationContext;
    beforeAll(async () => {
      redis = await startThrowawayRedis();
    });
    const gateway = useGateway(() => ({ SMTP_URL: sink.url, REDIS_URL: redis.url }));
    const fx = useFixtures();
    beforeAll(async () => {
      worker = await startWorker({
        QUEUE_PREFIX: gateway.config.QUEUE_PREFIX,
        SMTP_URL: sink.url,
        REDIS_URL: redis.url,
        RECONCILE_EVERY_MS: '2000',
      });
    });
    afterAll(async () => {
      await worker?.close();
      await redis?.stop();
    });

    it('after FLUSHALL with reminders pending, the next reconciliation delivers them all, once', async () => {
      const scenes: Scene[] = [];
      const itemIds: string[] = [];
      for (let i = 0; i < 2; i++) {
        const s = await workItemScene(fx);
        await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, [LEAD]);
        itemIds.push(await addItem(fx, s.planId, s.owner.id, dueSoon()));
        scenes.push(s);
      }
      // The outbox turned into planned reminders, and their timers in Redis (added right after
      // the planning transaction commits, in one call).
      await planned(fx, itemIds);
      const [{ n }] = await fx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM planned_reminder WHERE subject_id = ANY($1::uuid[])`,
        [itemIds],
      );
      expect(n).toBe(4);
      const reminders = new Queue(QUEUES.reminders, { connection: { url: redis.url }, prefix: gateway.config.QUEUE_PREFIX });
      try {
        await waitFor(async () => (await reminders.getDelayedCount()) > 0, 30_000);
      } finally {
        await reminders.close();
      }
      const client = new Redis(redis.url);
      expect(await client.dbsize()).toBeGreaterThan(0);
      await client.flushall();
      expect(await client.dbsize()).toBe(0);
      await client.quit();

      await sink.waitFor(allArrived(sink, scenes), 60_000);
      await settled(fx, itemIds);
      await sleep(2500);
      await expectExactlyOnce(sink, scenes);
    }, 120_000);
  });
});
