import { Queue, Worker } from 'bullmq';
import { QUEUES } from '@app/platform';
import { Fixtures, useFixtures } from '../support/fixtures';
import { startGateway, useGateway } from '../support/gateway-harness';
import { uniqueId } from '../support/test-config';
import { waitFor } from '../support/tor-fixtures';

interface Ticket {
  url: string;
  expiresAt: string;
}

interface BoardQueue {
  name: string;
  readOnlyMode: boolean;
  isPaused: boolean;
  jobs: { name: string; data: unknown; failedReason?: string; stacktrace: string[]; returnValue: unknown }[];
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('queue dashboard (Bull Board at /admin/queues)', () => {
  const operatorEmail = `ops-${uniqueId()}@example.org`;
  let base: string;
  /** A platform operator: no role in any initiative. */
  let operator: { id: string; token: string };

  // Upper case in the configuration: operators are matched case-insensitively.
  const gateway = useGateway({ PLATFORM_OPERATORS: ` other@example.org, ${operatorEmail.toUpperCase()} ` });
  const fx = useFixtures();
  beforeAll(async () => {
    base = `${gateway.url}/admin/queues`;
    operator = await fx.person(null, 'MEMBER', { email: operatorEmail });
  });

  async function people() {
    const initiative = await fx.initiative();
    return {
      initiativeId: initiative.id,
      secretariat: await fx.person(initiative.id, 'SECRETARIAT'),
      member: await fx.person(initiative.id, 'MEMBER'),
    };
  }

  const issueTicket = (token?: string) =>
    fetch(`${base}/tickets`, { method: 'POST', headers: token ? auth(token) : {}, redirect: 'manual' });

  /** Exchanges a fresh ticket for the dashboard cookie ("name=value"). */
  async function sessionCookie(token: string): Promise<string> {
    const ticket = (await (await issueTicket(token)).json()) as Ticket;
    const exchange = await fetch(ticket.url.replace(gateway.config.publicUrl, gateway.url), { redirect: 'manual' });
    expect(exchange.status).toBe(303);
    return exchange.headers.get('set-cookie')!.split(';')[0];
  }

  it('is for SECRETARIAT accounts and platform operators only', async () => {
    const { secretariat, member } = await people();
    expect((await fetch(base)).status).toBe(401);
    expect((await fetch(base, { headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
    expect((await fetch(base, { headers: auth(member.token) })).status).toBe(403);
    expect((await fetch(`${base}/api/queues`, { headers: auth(member.token) })).status).toBe(403);

    for (const who of [secretariat, operator]) {
      const page = await fetch(base, { headers: auth(who.token) });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const api = await fetch(`${base}/api/queues`, { headers: auth(who.token) });
      expect(api.status).toBe(200);
      const body = (await api.json()) as { queues: BoardQueue[] };
      expect(body.queues.map((q) => q.name).sort()).toEqual(['ballots', 'mail', 'outbox', 'reminders', 'system']);
    }
  });

  it('opens with a short-lived single-use ticket, never with the access token in the URL', async () => {
    const { initiativeId, secretariat, member } = await people();

    // The 12 h access token in the query string opens nothing and sets no cookie.
    const old = await fetch(`${base}?token=${encodeURIComponent(secretariat.token)}`, { redirect: 'manual' });
    expect(old.status).toBe(401);
    expect(old.headers.get('set-cookie')).toBeNull();

    expect((await issueTicket()).status).toBe(401);
    expect((await issueTicket(member.token)).status).toBe(403);
    const issued = await issueTicket(secretariat.token);
    expect(issued.status).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const ticket = (await issued.json()) as Ticket;
    const expiresInMs = new Date(ticket.expiresAt).getTime() - Date.now();
    expect(expiresInMs).toBeGreaterThan(0);
    expect(expiresInMs).toBeLessThanOrEqual(120_000);
    expect(ticket.url).toMatch(new RegExp(`^${gateway.config.publicUrl}/admin/queues\\?ticket=[A-Za-z0-9_.-]+$`));
    const value = new URL(ticket.url).searchParams.get('ticket')!;

    // A ticket is not an access token, and an access token is not a ticket.
    expect((await fetch(base, { headers: auth(value) })).status).toBe(401);
    const accessAsTicket = await fetch(`${base}?ticket=${encodeURIComponent(secretariat.token)}`, { redirect: 'manual' });
    expect(accessAsTicket.status).toBe(401);
    expect(accessAsTicket.headers.get('set-cookie')).toBeNull();

    const exchange = await fetch(`${base}?ticket=${value}`, { redirect: 'manual' });
    expect(exchange.status).toBe(303);
    expect(exchange.headers.get('location')).toBe('/admin/queues');
    const setCookie = exchange.headers.get('set-cookie')!;
    const cookie = setCookie.split(';')[0];
    expect(setCookie.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=1800', 'Path=/admin/queues', 'SameSite=Strict']);
    expect(cookie).toMatch(/^wg_queues_session=[A-Za-z0-9_.-]+$/);
    expect(cookie).not.toContain(value);
    expect(cookie).not.toContain(secretariat.token);

    // Single use: the same ticket again opens nothing.
    const replay = await fetch(`${base}?ticket=${value}`, { redirect: 'manual' });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('set-cookie')).toBeNull();

    expect((await fetch(base, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${base}/api/queues`, { headers: { cookie } })).status).toBe(200);
    // The cookie is good for the dashboard only.
    const viaCookie = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(cookie.split('=')[1]) },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const refused = (await viaCookie.json()) as { errors: { extensions: { code: string } }[] };
    expect(refused.errors.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);

    // Roles are read on every request: a secretariat who loses the role loses the dashboard.
    await fx.query(`UPDATE initiative_member SET role = 'MEMBER' WHERE initiative_id = $1 AND person_id = $2`, [
      initiativeId,
      secretariat.id,
    ]);
    expect((await fetch(base, { headers: { cookie } })).status).toBe(403);
  });

  it('sets the cookie Secure in production', async () => {
    const production = await startGateway({
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(48),
      SMTP_URL: 'smtp://127.0.0.1:2525',
    });
    try {
      const initiative = await fx.initiative();
      const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
      const token = new Fixtures(production.config).token(secretariat.id);
      const issued = await fetch(`${production.url}/admin/queues/tickets`, { method: 'POST', headers: auth(token) });
      expect(issued.status).toBe(201);
      const ticket = (await issued.json()) as Ticket;
      const exchange = await fetch(`${production.url}/admin/queues${new URL(ticket.url).search}`, { redirect: 'manual' });
      expect(exchange.status).toBe(303);
      expect(exchange.headers.get('set-cookie')!.split('; ')).toContain('Secure');
    } finally {
      await production.close();
    }
  });

  it('lets a SECRETARIAT read without job details, and only operators pause, retry, clean or remove', async () => {
    const { secretariat } = await people();
    const connection = { url: gateway.config.REDIS_URL };
    const queue = new Queue(QUEUES.system, { connection, prefix: gateway.config.QUEUE_PREFIX });
    // A job that fails the way a mail job can: its data and error name someone.
    const worker = new Worker(
      QUEUES.system,
      async () => {
        throw new Error('550 <someone@other-initiative.example> mailbox unavailable');
      },
      { connection, prefix: gateway.config.QUEUE_PREFIX },
    );
    try {
      const job = await queue.add('probe', { email: 'someone@other-initiative.example' }, { attempts: 1 });
      await waitFor(async () => (await job.getState()) === 'failed');
      await worker.close();

      const failedJobs = async (headers: Record<string, string>) => {
        const response = await fetch(`${base}/api/queues?activeQueue=system&status=failed&page=1&jobsPerPage=10`, { headers });
        expect(response.status).toBe(200);
        return ((await response.json()) as { queues: BoardQueue[] }).queues.find((q) => q.name === 'system')!;
      };
      const secretariatCookie = await sessionCookie(secretariat.token);
      const operatorCookie = await sessionCookie(operator.token);

      const read = await failedJobs({ cookie: secretariatCookie });
      expect(read.readOnlyMode).toBe(true);
      expect(read.jobs.map((j) => [j.name, j.data, j.failedReason, j.stacktrace, j.returnValue])).toEqual([
        ['probe', '[hidden]', '[hidden]', [], '[hidden]'],
      ]);
      expect(JSON.stringify(read)).not.toContain('other-initiative');
      const logs = await fetch(`${base}/api/queues/system/${job.id}/logs`, { headers: { cookie: secretariatCookie } });
      expect(logs.status).toBe(200);
      expect(await logs.json()).toEqual([]);

      const full = await failedJobs({ cookie: operatorCookie });
      expect(full.readOnlyMode).toBe(false);
      expect(full.jobs.map((j) => [j.name, j.data, j.failedReason])).toEqual([
        ['probe', { email: 'someone@other-initiative.example' }, '550 <someone@other-initiative.example> mailbox unavailable'],
      ]);

      const writes: [string, string][] = [
        ['PUT', '/api/queues/system/pause'],
        ['PUT', '/api/queues/pause'],
        ['PUT', `/api/queues/system/${job.id}/retry`],
        ['PUT', '/api/queues/system/retry/failed'],
        ['PUT', '/api/queues/system/clean/failed'],
        ['PUT', `/api/queues/system/${job.id}/clean`],
        ['PUT', '/api/queues/system/empty'],
        ['PUT', '/api/queues/system/obliterate'],
        ['POST', '/api/queues/system/add'],
        ['PATCH', `/api/queues/system/${job.id}/update-data`],
        ['DELETE', `/api/queues/system/${job.id}`],
      ];
      for (const [method, path] of writes) {
        for (const headers of [{ cookie: secretariatCookie }, auth(secretariat.token)]) {
          const refused = await fetch(base + path, {
            method,
            headers: { 'content-type': 'application/json', ...headers },
            body: '{}',
          });
          expect([method, path, refused.status]).toEqual([method, path, 403]);
        }
      }
      expect(await queue.isPaused()).toBe(false);
      expect(await job.getState()).toBe('failed');

      const operatorWrite = (method: string, path: string) =>
        fetch(base + path, { method, headers: { 'content-type': 'application/json', cookie: operatorCookie }, body: '{}' });
      expect((await operatorWrite('PUT', '/api/queues/system/pause')).status).toBe(200);
      expect(await queue.isPaused()).toBe(true);
      expect((await operatorWrite('PUT', '/api/queues/system/resume')).status).toBe(200);
      expect(await queue.isPaused()).toBe(false);
      expect((await operatorWrite('PUT', `/api/queues/system/${job.id}/clean`)).status).toBe(204);
      expect(await queue.getJob(job.id!)).toBeUndefined();
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});
