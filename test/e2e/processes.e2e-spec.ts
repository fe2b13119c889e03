import { Pool } from 'pg';
import { MIGRATIONS } from '@app/platform/database/migrations';
import jwt from 'jsonwebtoken';
import { loadConfig } from '@app/platform';
import { LiveClient } from '../support/live-client';
import { freePort, startBuiltApp, type RunningProcess } from '../support/processes';
import { uniqueId } from '../support/test-config';

/**
 * The built apps as real processes (what `npm run start:gateway` / `start:worker` run):
 * concurrent boots on an empty database, the worker's heartbeat and its graceful stop.
 */
describe('gateway and worker processes', () => {
  const admin = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const dbName = `wgcollab_boot_${uniqueId()}_test`;
  const dbUrl = (() => {
    const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/x');
    url.pathname = `/${dbName}`;
    return url.toString();
  })();
  const running: RunningProcess[] = [];

  beforeAll(async () => {
    await admin.query(`CREATE DATABASE ${dbName}`);
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop('SIGKILL')));
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('two gateways started at the same moment on an empty database both come up; migrations ran once', async () => {
    const ports = [await freePort(), await freePort()];
    const gateways = ports.map((port) =>
      startBuiltApp('gateway', { DATABASE_URL: dbUrl, PORT: String(port), QUEUE_PREFIX: `t${uniqueId()}` }),
    );
    running.push(...gateways);
    await Promise.all(gateways.map((g) => g.waitFor(/gateway listening/)));

    for (const port of ports) {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    }
    const db = new Pool({ connectionString: dbUrl, max: 1 });
    const rows = (await db.query('SELECT name FROM typeorm_migrations ORDER BY id')).rows.map((r) => r.name);
    await db.end();
    expect(rows).toEqual(MIGRATIONS.map((m) => new m().name));
    const logs = gateways.map((g) => g.output());
    const migrated = logs.filter((log) => log.includes('Applied migrations'));
    expect(migrated).toHaveLength(1);

    expect(await gateways[0].stop()).toBe(0);
    expect(await gateways[1].stop()).toBe(0);
  });

  it('the worker beats through BullMQ into PostgreSQL and exits 0 on SIGTERM', async () => {
    const worker = startBuiltApp('worker', { DATABASE_URL: dbUrl, HEARTBEAT_EVERY_MS: '1000', QUEUE_PREFIX: `t${uniqueId()}` });
    running.push(worker);
    await worker.waitFor(/worker started/);
    const db = new Pool({ connectionString: dbUrl, max: 1 });
    const deadline = Date.now() + 30_000;
    let beats = 0;
    while (beats < 2 && Date.now() < deadline) {
      const [row] = (await db.query('SELECT coalesce(sum(beats), 0)::int AS beats FROM worker_heartbeat')).rows;
      beats = row.beats;
      await new Promise((r) => setTimeout(r, 200));
    }
    await db.end();
    expect(beats).toBeGreaterThanOrEqual(2);
    expect(await worker.stop('SIGTERM')).toBe(0);
  });

  it('a gateway holding live subscriptions closes them with 1001 on SIGTERM and still exits 0', async () => {
    const port = await freePort();
    const gateway = startBuiltApp('gateway', { DATABASE_URL: dbUrl, PORT: String(port), QUEUE_PREFIX: `t${uniqueId()}` });
    running.push(gateway);
    await gateway.waitFor(/gateway listening/);
    const { JWT_SECRET } = loadConfig({ ...process.env, NODE_ENV: 'test' });
    const token = jwt.sign({ sub: '00000000-0000-4000-8000-000000000001' }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
    const clients = [new LiveClient(`http://127.0.0.1:${port}`, token), new LiveClient(`http://127.0.0.1:${port}`, token)];
    const subscriptions = clients.map((c) => c.subscribe(`subscription { notificationAdded { id } }`));
    await gateway.waitFor(/subscription started[\s\S]*subscription started/);

    expect(await gateway.stop('SIGTERM')).toBe(0);
    for (const client of clients)
      expect(await client.whenClosed()).toEqual({ code: 1001, reason: 'The gateway is shutting down' });
    for (const subscription of subscriptions) expect((await subscription.message()).kind).toBe('error');
    // One line per subscription start and end, like requests; the token never appears.
    expect(gateway.output().match(/"subscription started"/g)).toHaveLength(2);
    expect(gateway.output().match(/"subscription ended"/g)).toHaveLength(2);
    expect(gateway.output()).not.toContain(token);
    await Promise.all(clients.map((c) => c.close()));
  });

  it('a wrong setting stops the process with one line naming the variable', async () => {
    const gateway = startBuiltApp('gateway', { PORT: 'eighty' });
    running.push(gateway);
    expect(await gateway.exited).toBe(1);
    expect(gateway.output().trim()).toBe('Invalid configuration: PORT must be an integer number (got "eighty")');
  });
});
