import { GraphQLSchemaHost } from '@nestjs/graphql';
import { snapshotDatabase } from '../support/db-snapshot';
import { Fixtures } from '../support/fixtures';
import { startGateway, type GatewayUnderTest } from '../support/gateway-harness';
import { hostileRequests, type HostileRequest } from '../support/hostile-requests';
import { reportSecurityFigure } from '../support/security-report';
import { clientAddress, from } from '../support/sign-in';

const CONTRACT_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']);

interface Verdict {
  label: string;
  status: number;
  problem?: string;
}

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
    // Over 2,000 requests, some checking argon2 hashes, on a shared 2-core machine: a generous limit.
  }, 180_000);
});
