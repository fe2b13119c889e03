import { GraphQLSchemaHost } from '@nestjs/graphql';
import WebSocket from 'ws';
import { snapshotDatabase } from '../support/db-snapshot';
import { Fixtures } from '../support/fixtures';
import { startGateway, type GatewayUnderTest } from '../support/gateway-harness';
import { type HostileLiveCase, hostileLiveCases, hostileRequests, type HostileRequest } from '../support/hostile-requests';
import { reportSecurityFigure } from '../support/security-report';
import { clientAddress, from } from '../support/sign-in';

const CONTRACT_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']);

interface Verdict {
  label: string;
  status: number;
  problem?: string;
}

/** What a hostile WebSocket exchange got: a close code, or the server's messages. */
interface LiveVerdict {
  label: string;
  outcome: string;
  problem?: string;
}

/** Closes that refuse the client's traffic: graphql-ws's 44xx, ws's protocol errors and 1009 (too big). */
const REFUSING_CLOSES = (code: number) => (code >= 4400 && code < 4500) || [1002, 1007, 1009].includes(code);

/**
 * At least 2,000 bad requests, generated from the served schema, against the running gateway:
 * each must be answered with a GraphQL error carrying a contract code, or an HTTP 4xx; never a
 * 500 or INTERNAL_SERVER_ERROR. The gateway keeps answering and the database is unchanged.
 */
describe('hostile input', () => {
  let gateway: GatewayUnderTest;
  let fixtures: Fixtures;
  let token: string;
  // A client of its own: the failed sign-ins sent here must not use up loopback's budget.
  const client = from(clientAddress());

  beforeAll(async () => {
    gateway = await startGateway();
    fixtures = new Fixtures(gateway.config);
    const initiative = await fixtures.initiative();
    token = (await fixtures.person(initiative.id, 'SECRETARIAT')).token;
  });
  afterAll(async () => {
    await fixtures.close();
    await gateway.close();
  });

  async function send(request: HostileRequest): Promise<Verdict> {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...client,
        ...(request.authenticated ? { authorization: `Bearer ${token}` } : {}),
      },
      body: request.raw ?? JSON.stringify(request.body),
    });
    const text = await response.text();
    const verdict: Verdict = { label: request.label, status: response.status };
    if (response.status >= 500) return { ...verdict, problem: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    if (response.status >= 400 && !text.startsWith('{')) return verdict;
    let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text);
    } catch {
      return { ...verdict, problem: `non-JSON ${response.status} answer: ${text.slice(0, 200)}` };
    }
    if (response.status >= 400 && !body.errors) return verdict;
    if (!body.errors?.length) return { ...verdict, problem: `accepted: ${text.slice(0, 200)}` };
    const bad = body.errors.find((e) => !CONTRACT_CODES.has(e.extensions?.code ?? ''));
    if (bad) return { ...verdict, problem: `code ${bad.extensions?.code}: ${bad.message}` };
    if (/(SELECT|INSERT|UPDATE|relation|violates|at \w+ \(|node_modules)/.test(text))
      return { ...verdict, problem: `leaks internals: ${text.slice(0, 200)}` };
    return verdict;
  }

  /**
   * One exchange on a fresh socket: connection_init (with the token, without, or none), the
   * frames, then a ping. Done when the socket closes, when every subscribe frame has its answer,
   * or, for a case where silence is right, when the pong comes.
   */
  async function exchange(c: HostileLiveCase): Promise<LiveVerdict> {
    const socket = new WebSocket(`${gateway.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('error', () => undefined);
    const messages: { type: string; id?: string; payload?: { extensions?: { code?: string }; message?: string }[] }[] = [];
    const subscribes = new Set(
      c.frames.flatMap((f) => {
        try {
          const m = JSON.parse(String(f));
          return m?.type === 'subscribe' && typeof m.id === 'string' ? [m.id] : [];
        } catch {
          return [];
        }
      }),
    ).size;
    let code: number | null = null;
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const answered = () => messages.filter((m) => ['error', 'next', 'complete'].includes(m.type)).length;
    socket.on('message', (data) => {
      messages.push(JSON.parse(String(data)));
      if (messages.at(-1)?.type === 'connection_ack') return;
      if (c.silent ? messages.at(-1)?.type === 'pong' : subscribes > 0 && answered() >= subscribes) settle();
    });
    socket.on('close', (closeCode) => {
      code = closeCode;
      settle();
    });
    await new Promise((resolve) => socket.once('open', resolve));
    const acked = new Promise((resolve) => socket.on('message', (d) => String(d).includes('connection_ack') && resolve(null)));
    if (c.init !== 'none') {
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: c.init === 'token' ? { authorization: `Bearer ${token}` } : {} }),
      );
    }
    if (c.init === 'token') await Promise.race([acked, done]);
    for (const frame of c.frames) socket.send(frame);
    socket.send(JSON.stringify({ type: 'ping' }));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
    clearTimeout(timer);
    socket.terminate();
    const errors = messages.filter((m) => m.type === 'error').flatMap((m) => m.payload ?? []);
    const outcome =
      code !== null
        ? `close ${code}`
        : errors.length
          ? `errors ${errors.map((e) => e.extensions?.code).join(',')}`
          : messages.map((m) => m.type).join(',');
    const verdict = { label: c.label, outcome };
    if (code !== null && !REFUSING_CLOSES(code)) return { ...verdict, problem: `closed with ${code}` };
    if (messages.some((m) => m.type === 'next'))
      return { ...verdict, problem: `accepted: ${JSON.stringify(messages)}`.slice(0, 300) };
    const bad = errors.find((e) => !CONTRACT_CODES.has(e.extensions?.code ?? ''));
    if (bad) return { ...verdict, problem: `code ${bad.extensions?.code}: ${bad.message}` };
    if (/(SELECT|INSERT|UPDATE|relation|violates|at \w+ \(|node_modules)/.test(JSON.stringify(messages)))
      return { ...verdict, problem: `leaks internals: ${JSON.stringify(messages).slice(0, 200)}` };
    if (code === null && !errors.length && !(c.silent && messages.some((m) => m.type === 'pong')))
      return { ...verdict, problem: `no answer: ${outcome}` };
    return verdict;
  }

  // Over 2,000 requests, one after another in eights: a generous limit, for a machine busy with other work.
  it('answers every one with a contract code or a 4xx, keeps answering, and changes nothing', async () => {
    const schema = gateway.app.get(GraphQLSchemaHost).schema;
    const requests = hostileRequests(schema);
    expect(requests.length).toBeGreaterThanOrEqual(2000);

    const before = await snapshotDatabase(fixtures.pool);
    const verdicts: Verdict[] = [];
    for (let i = 0; i < requests.length; i += 8) {
      verdicts.push(...(await Promise.all(requests.slice(i, i + 8).map(send))));
    }
    const after = await snapshotDatabase(fixtures.pool);

    const problems = verdicts.filter((v) => v.problem).map((v) => `${v.label}: ${v.problem}`);
    const statuses = verdicts.reduce<Record<number, number>>((acc, v) => ({ ...acc, [v.status]: (acc[v.status] ?? 0) + 1 }), {});
    reportSecurityFigure(
      `hostile input: ${requests.length} requests tried, ${problems.length} mismatches, HTTP statuses ${JSON.stringify(statuses)}`,
    );
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
    expect((await gateway.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  }, 300_000);

  it('answers every hostile WebSocket exchange with a contract code or a refusing close, keeps answering, and changes nothing', async () => {
    const cases = hostileLiveCases(gateway.app.get(GraphQLSchemaHost).schema);
    expect(cases.length).toBeGreaterThanOrEqual(35);

    const before = await snapshotDatabase(fixtures.pool);
    const verdicts: LiveVerdict[] = [];
    for (let i = 0; i < cases.length; i += 8) verdicts.push(...(await Promise.all(cases.slice(i, i + 8).map(exchange))));
    const after = await snapshotDatabase(fixtures.pool);

    const problems = verdicts.filter((v) => v.problem).map((v) => `${v.label}: ${v.problem}`);
    const outcomes = verdicts.reduce<Record<string, number>>((acc, v) => {
      const kind = v.outcome.replace(/,.*$/, '');
      return { ...acc, [kind]: (acc[kind] ?? 0) + 1 };
    }, {});
    reportSecurityFigure(
      `hostile WebSocket traffic: ${cases.length} exchanges tried, ${problems.length} mismatches, outcomes ${JSON.stringify(outcomes)}`,
    );
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
    expect((await gateway.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  }, 300_000);
});
