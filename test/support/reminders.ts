import type { INestApplicationContext } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';
import { createLogger, TOPICS } from '@app/platform';
import { reminderJobId } from '@app/reminders';
import { createWorker } from '../../apps/worker/src/create-worker';
import { type Fixtures, useFixtures } from './fixtures';
import { ok, type GatewayUnderTest, useGateway } from './gateway-harness';
import { isDatabaseOfItsOwn } from './own-database';
import { SmtpSink } from './smtp-sink';
import { testConfig, uniqueId } from './test-config';

/**
 * An in-process worker sharing the gateway's queue prefix, sending mail to the sink. It acts on
 * every row of its database, so it runs only on a database of the test file's own.
 */
export async function startWorker(overrides: Record<string, string>): Promise<INestApplicationContext> {
  const config = testConfig({ OUTBOX_POLL_MS: '200', RECONCILE_EVERY_MS: '60000', ...overrides });
  if (!isDatabaseOfItsOwn(config.DATABASE_URL)) {
    throw new Error('a worker acts on every row of its database: call useDatabaseOfItsOwn() at the top of the test file');
  }
  return createWorker(config, createLogger(config.LOG_LEVEL, 'worker'));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The timing of reminder tests. The machine has two busy cores: a worker may plan an event, or
 * deliver what fired, seconds late. A deadline DUE_IN_MS ahead with a lead time of LEAD_S leaves
 * the planner 8 s before the lead moment passes (the planner skips lead moments that have passed
 * when it plans, by design) and the delivery LEAD_S s before the deadline. What a test must do
 * before a reminder fires, it does as soon as the worker has planned (`planned`), never after
 * waiting for e-mail; and it waits for the database to say that nothing is left to send
 * (`settled`) rather than sleeping past a deadline.
 */
export const LEAD_S = 6;
export const LEAD = `PT${LEAD_S}S`;
export const LEAD_MS = LEAD_S * 1000;
export const DUE_IN_MS = 14_000;
export const dueSoon = (extraMs = 0) => new Date(Date.now() + DUE_IN_MS + extraMs);

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Waits until the worker has planned every outbox event of the subjects (planning commits with processed_at). */
export async function planned(fx: Fixtures, subjectIds: string[], timeoutMs = 30_000): Promise<void> {
  await until(
    'the outbox events planned',
    async () =>
      (
        await fx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox_event WHERE subject_id = ANY($1::uuid[]) AND processed_at IS NULL`,
          [subjectIds],
        )
      )[0].n === 0,
    timeoutMs,
  );
}

/** Reminders of the subjects that are planned and have neither fired nor been removed. */
export async function pendingReminders(fx: Fixtures, subjectIds: string[]): Promise<number> {
  const [{ n }] = await fx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM planned_reminder WHERE subject_id = ANY($1::uuid[]) AND fired_at IS NULL`,
    [subjectIds],
  );
  return n;
}

/**
 * Waits until nothing is left to happen for the subjects: every event planned, every planned
 * reminder fired or removed, every notification e-mailed to the people who want e-mail at once.
 * From then on only a duplicate could still reach the sink.
 */
export async function settled(fx: Fixtures, subjectIds: string[], timeoutMs = 45_000): Promise<void> {
  await planned(fx, subjectIds, timeoutMs);
  await until(
    'the reminders fired and e-mailed',
    async () => {
      // Pending first: a reminder fires together with its notifications, so none can appear after.
      if ((await pendingReminders(fx, subjectIds)) > 0) return false;
      const [{ unsent }] = await fx.query<{ unsent: number }>(
        `SELECT count(*)::int AS unsent FROM notification n LEFT JOIN notification_preferences np ON np.person_id = n.person_id
          WHERE n.subject_id = ANY($1::uuid[]) AND n.emailed_at IS NULL AND coalesce(np.email_mode, 'IMMEDIATE') = 'IMMEDIATE'`,
        [subjectIds],
      );
      return unsent === 0;
    },
    timeoutMs,
  );
}

/** An initiative with a secretariat, a group with a chair and an owner (MEMBER), and a plan. */
export async function workItemScene(
  fx: Fixtures,
  zones: { owner?: string; chair?: string } = {},
): Promise<{
  initiativeId: string;
  groupId: string;
  planId: string;
  secretariat: { id: string; email: string; token: string };
  chair: { id: string; email: string; token: string };
  owner: { id: string; email: string; token: string };
}> {
  const initiative = await fx.initiative();
  const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
  const chair = await fx.person(initiative.id, 'MEMBER', { timeZone: zones.chair ?? 'Europe/Zurich' });
  const owner = await fx.person(initiative.id, 'MEMBER', { timeZone: zones.owner ?? 'Europe/Zurich' });
  const group = await fx.group(initiative.id);
  await fx.groupRole(group.id, chair.id, 'CHAIR');
  await fx.groupRole(group.id, owner.id, 'MEMBER');
  const [plan] = await fx.query<{ id: string }>(
    `INSERT INTO work_plan (working_group_id, title, period_start, period_end) VALUES ($1, 'Plan', '2016-07-01', '2030-06-30') RETURNING id`,
    [group.id],
  );
  return { initiativeId: initiative.id, groupId: group.id, planId: plan.id, secretariat, chair, owner };
}

/** A work item written as the work-plans library does: the row and its outbox event together. */
export async function addItem(fx: Fixtures, planId: string, ownerId: string | null, dueAt: Date): Promise<string> {
  const [item] = await fx.query<{ id: string }>(
    `WITH i AS (INSERT INTO work_item (work_plan_id, kind, title, owner_id, due_at) VALUES ($1, 'TASK', $2, $3, $4) RETURNING id),
          o AS (INSERT INTO outbox_event (topic, subject_id) SELECT $5, id FROM i)
     SELECT id FROM i`,
    [planId, `Task ${uniqueId()}`, ownerId, dueAt, TOPICS.workItemCreated],
  );
  return item.id;
}

export async function changeItem(fx: Fixtures, itemId: string, set: string, params: unknown[] = []): Promise<void> {
  await fx.query(
    `WITH i AS (UPDATE work_item SET ${set}, version = version + 1 WHERE id = $1 RETURNING id)
     INSERT INTO outbox_event (topic, subject_id) SELECT $${params.length + 2}, id FROM i`,
    [itemId, ...params, TOPICS.workItemChanged],
  );
}

export async function setPolicy(
  gql: GatewayUnderTest['gql'],
  token: string,
  initiativeId: string,
  leadTimes: string[],
  remindOverdue = true,
): Promise<void> {
  ok(
    await gql(
      `mutation ($input: SetReminderPolicyInput!) { setReminderPolicy(input: $input) { leadTimes remindOverdue } }`,
      { input: { initiativeId, leadTimes, remindOverdue } },
      token,
    ),
  );
}

/**
 * An initiative's reminder policy written as setReminderPolicy writes it: the row and, in the
 * same transaction, the outbox event on which the worker replans the initiative's reminders.
 */
export async function reminderPolicy(fx: Fixtures, initiativeId: string, leadTimesMs: number[], remindOverdue = true) {
  await fx.query(
    `WITH p AS (INSERT INTO reminder_policy (initiative_id, lead_times_ms, remind_overdue) VALUES ($1, $2::bigint[], $3)
                ON CONFLICT (initiative_id) DO UPDATE SET lead_times_ms = EXCLUDED.lead_times_ms,
                  remind_overdue = EXCLUDED.remind_overdue, updated_at = now()
                RETURNING initiative_id)
     INSERT INTO outbox_event (topic, subject_id) SELECT $4, initiative_id FROM p`,
    [initiativeId, leadTimesMs, remindOverdue, TOPICS.reminderPolicyChanged],
  );
}

/** Subject lines of the messages to an address, by kind prefix (e.g. "Due in", "Overdue"). */
export function subjects(messages: ParsedMail[]): string[] {
  return messages.map((m) => m.subject ?? '');
}

export const count = (messages: ParsedMail[], prefix: string) =>
  messages.filter((m) => (m.subject ?? '').startsWith(prefix)).length;

/** The real pipeline a reminders test needs: an SMTP sink, a worker sending to it, and fixtures. */
export interface ReminderStack {
  sink: SmtpSink;
  fx: Fixtures;
  worker(): INestApplicationContext;
}

interface StackOptions {
  /** Also a gateway, sending mail to the sink and sharing the worker's queue prefix. */
  gateway?: boolean;
  /** Settings of the worker (e.g. `DIGEST_EVERY_MS`). */
  worker?: Record<string, string>;
}

/**
 * The reminder pipeline of the tests of the calling block, started in `beforeAll` and stopped
 * in `afterAll` (the sink last, once nothing holds an SMTP session open). The file must run on
 * a database of its own (`useDatabaseOfItsOwn`).
 */
export function useReminderStack(options: StackOptions & { gateway: true }): ReminderStack & { gateway: GatewayUnderTest };
export function useReminderStack(options?: StackOptions & { gateway?: false }): ReminderStack;
export function useReminderStack(options: StackOptions = {}): ReminderStack & { gateway?: GatewayUnderTest } {
  const sink = new SmtpSink();
  beforeAll(() => sink.start());
  const gateway = options.gateway ? useGateway(() => ({ SMTP_URL: sink.url })) : undefined;
  let worker: INestApplicationContext | null = null;
  beforeAll(async () => {
    const prefix: Record<string, string> = gateway ? { QUEUE_PREFIX: gateway.config.QUEUE_PREFIX } : {};
    worker = await startWorker({ SMTP_URL: sink.url, ...prefix, ...options.worker });
  });
  afterAll(async () => {
    await worker?.close();
    worker = null;
  });
  const fx = useFixtures();
  afterAll(() => sink.stop());
  return {
    sink,
    fx,
    gateway,
    worker: () => {
      if (!worker) throw new Error('useReminderStack(): the worker runs from beforeAll to afterAll of the block that called it');
      return worker;
    },
  };
}

/**
 * `n` work items whose one-hour reminders are already due, written as the planner writes them
 * (planned_reminder rows with the deterministic job ids) but without timers, so only the
 * sweeps a test runs fire them. Owners take turns among `owners` group members.
 */
export async function dueReminderScene(
  fx: Fixtures,
  n: number,
  owners = 4,
): Promise<{ initiativeId: string; itemIds: string[]; people: { id: string; email: string }[] }> {
  const initiative = await fx.initiative();
  const hour = 3_600_000;
  await fx.query(`INSERT INTO reminder_policy (initiative_id, lead_times_ms, remind_overdue) VALUES ($1, $2, false)`, [
    initiative.id,
    [hour],
  ]);
  const group = await fx.group(initiative.id);
  const people: { id: string; email: string }[] = [];
  for (let i = 0; i < owners; i++) {
    const p = await fx.person(initiative.id, 'MEMBER');
    await fx.groupRole(group.id, p.id, 'MEMBER');
    people.push({ id: p.id, email: p.email });
  }
  const [plan] = await fx.query<{ id: string }>(
    `INSERT INTO work_plan (working_group_id, title, period_start, period_end) VALUES ($1, 'Plan', '2016-07-01', '2030-06-30') RETURNING id`,
    [group.id],
  );
  // Deadlines one hour and a few seconds ahead: the one-hour reminders became due seconds ago.
  const base = Math.floor(Date.now() / 1000) * 1000 + hour - 10_000;
  const items = await fx.query<{ id: string; ownerId: string; dueAt: Date }>(
    `INSERT INTO work_item (work_plan_id, kind, title, owner_id, due_at)
     SELECT $1, 'TASK', 'Batch item ' || n, ($2::uuid[])[1 + n % array_length($2::uuid[], 1)], to_timestamp(($3::bigint + n)::numeric / 1000)
       FROM generate_series(1, $4::int) n
     RETURNING id, owner_id AS "ownerId", due_at AS "dueAt"`,
    [plan.id, people.map((p) => p.id), base, n],
  );
  const rows = items.map((i) => ({
    jobId: reminderJobId('WORK_ITEM_DUE', i.id, `owner-${i.ownerId}`, hour, i.dueAt),
    subjectId: i.id,
    recipientKey: `owner-${i.ownerId}`,
    dueAt: i.dueAt.toISOString(),
    fireAt: new Date(i.dueAt.getTime() - hour).toISOString(),
  }));
  await fx.query(
    `INSERT INTO planned_reminder (job_id, kind, subject_id, initiative_id, recipient_key, lead_ms, due_at, fire_at)
     SELECT job_id, 'WORK_ITEM_DUE', subject_id, $2, recipient_key, $3, due_at, fire_at
       FROM unnest($1::text[], $4::uuid[], $5::text[], $6::timestamptz[], $7::timestamptz[])
            AS t (job_id, subject_id, recipient_key, due_at, fire_at)`,
    [
      rows.map((r) => r.jobId),
      initiative.id,
      hour,
      rows.map((r) => r.subjectId),
      rows.map((r) => r.recipientKey),
      rows.map((r) => r.dueAt),
      rows.map((r) => r.fireAt),
    ],
  );
  return { initiativeId: initiative.id, itemIds: items.map((i) => i.id), people };
}
