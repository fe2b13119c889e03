import type { INestApplicationContext } from '@nestjs/common';
import { useFixtures } from '../support/fixtures';
import { useGateway } from '../support/gateway-harness';
import { startThrowawayRedis } from '../support/processes';
import { count, LEAD, planned, setPolicy, settled, sleep, startWorker, workItemScene } from '../support/reminders';
import { SmtpSink } from '../support/smtp-sink';
import { reportSecurityFigure } from '../support/security-report';
import { useDatabaseOfItsOwn } from '../support/own-database';

const ADD_ITEM = `mutation ($input: AddWorkItemInput!) { addWorkItem(input: $input) { id } }`;

/**
 * Redis stopped (and back empty): mutations keep succeeding, their events wait in the
 * PostgreSQL outbox, and once Redis returns every reminder is still delivered exactly once.
 */
useDatabaseOfItsOwn();

describe('fault: Redis stopped', () => {
  let redis: Awaited<ReturnType<typeof startThrowawayRedis>>;
  let worker: INestApplicationContext;
  const sink = new SmtpSink();
  beforeAll(async () => {
    redis = await startThrowawayRedis();
    await sink.start();
  });
  const gateway = useGateway(() => ({ REDIS_URL: redis.url, SMTP_URL: sink.url }));
  const fx = useFixtures();
  beforeAll(async () => {
    worker = await startWorker({
      REDIS_URL: redis.url,
      QUEUE_PREFIX: gateway.config.QUEUE_PREFIX,
      SMTP_URL: sink.url,
      RECONCILE_EVERY_MS: '2000',
    });
  });
  afterAll(async () => {
    await worker?.close();
    await sink.stop();
    await redis?.stop();
  });

  it('accepts changes while Redis is down and delivers their reminders once when it returns', async () => {
    const scenes = [await workItemScene(fx), await workItemScene(fx)];
    for (const s of scenes) await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, [LEAD]);
    await planned(
      fx,
      scenes.map((s) => s.initiativeId),
    ); // the worker took the policy events while Redis was up

    await redis.stop();
    // The worker plans these when Redis is back (after the outage and its scheduler check): the
    // deadline leaves it 20 s to do so before the lead moment passes, on a busy machine.
    const dueAt = new Date(Date.now() + 30_000);
    const itemIds: string[] = [];
    for (const s of scenes) {
      const result = await gateway.gql(
        ADD_ITEM,
        {
          input: {
            workPlanId: s.planId,
            kind: 'TASK',
            title: 'Survives an outage',
            ownerId: s.owner.id,
            dueAt: dueAt.toISOString(),
          },
        },
        s.chair.token,
      );
      expect(result.errors).toBeUndefined();
      itemIds.push((result.data as { addWorkItem: { id: string } }).addWorkItem.id);
    }
    const [{ pending }] = await fx.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM outbox_event WHERE processed_at IS NULL AND topic = 'workitem.created'
         AND subject_id IN (SELECT id FROM work_item WHERE work_plan_id = ANY($1))`,
      [scenes.map((s) => s.planId)],
    );
    expect(pending).toBe(2);
    await sleep(2000);
    await redis.start(); // empty: every job and scheduler it held is gone

    const arrived = () => scenes.every((s) => sink.to(s.owner.email).length >= 2 && sink.to(s.chair.email).length >= 1);
    await sink.waitFor(arrived, 60_000);
    await settled(fx, itemIds);
    await sleep(3000); // a reconciliation round later, still nothing twice
    for (const s of scenes) {
      expect([count(sink.to(s.owner.email), 'Due in'), count(sink.to(s.owner.email), 'Overdue')]).toEqual([1, 1]);
      expect(sink.to(s.owner.email)).toHaveLength(2);
      expect(sink.to(s.chair.email)).toHaveLength(1);
    }
    reportSecurityFigure(
      `fault redis-stopped: 2 mutations during the outage, ${sink.messages.length} reminders delivered, 0 duplicates`,
    );
  }, 120_000);
});
