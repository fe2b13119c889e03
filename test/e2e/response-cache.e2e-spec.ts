import { TABLES_WITHOUT_CHANGE_NOTICE } from '../../libs/platform/src/database/migrations/1790000009200-data-changed-notify';
import { Fixtures, useFixtures } from '../support/fixtures';
import { useGateway } from '../support/gateway-harness';
import { sleep } from '../support/reminders';
import { waitFor } from '../support/tor-fixtures';

const GROUP = `query($id: ID!) { workingGroup(id: $id) { name chairs { name } members(first: 10) { totalCount } } }`;

interface Answer {
  status: number;
  hit: boolean;
  sqlStatements: number;
  body: { data?: { workingGroup?: { name: string; members: { totalCount: number } } | null } | null; errors?: unknown[] };
}

async function askAt(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  headers = {},
): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    hit: response.headers.get('x-response-cache') === 'hit',
    sqlStatements: Number(response.headers.get('x-sql-statements')),
    body: (await response.json()) as Answer['body'],
  };
}

/** The backend pid of the gateway's change feed once it listens (another than `not`). */
async function feedListening(fx: Fixtures, not?: number): Promise<number> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    const [row] = await fx.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE application_name = 'wgcollab-changes' AND datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> $1`,
      [not ?? 0],
    );
    if (row) return row.pid;
    await sleep(50);
  }
  throw new Error('the change feed never listened');
}

/**
 * The gateway's response cache: repeated queries of one caller are answered from
 * memory, and every committed change, from any connection, empties it before it can be served
 * stale. The TTL is one minute here, so only the change notices can explain a fresh answer.
 */
describe('response cache', () => {
  const gw = useGateway({ RESPONSE_CACHE_TTL_MS: '60000' });
  const fx = useFixtures();
  beforeAll(async () => {
    await waitUntilListening();
  });

  const ask = (query: string, variables: Record<string, unknown>, token?: string, headers = {}) =>
    askAt(gw.url, query, variables, token, headers);
  const waitUntilListening = (not?: number) => feedListening(fx, not);

  async function scene() {
    const initiative = await fx.initiative();
    const member = await fx.person(initiative.id, 'MEMBER');
    const other = await fx.person(initiative.id, 'MEMBER');
    const group = await fx.group(initiative.id, { name: 'Cities' });
    await fx.groupRole(group.id, member.id, 'CHAIR');
    await gw.settle();
    return { initiative, member, other, group };
  }

  it('gives every GraphQL-visible table the change trigger', async () => {
    const missing = await fx.query<{ table: string }>(
      `SELECT t.tablename AS table FROM pg_tables t
        WHERE t.schemaname = current_schema() AND NOT (t.tablename = ANY($1))
          AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('%I', t.tablename)::regclass
                            AND g.tgname = t.tablename || '_data_changed')`,
      [TABLES_WITHOUT_CHANGE_NOTICE],
    );
    expect(missing).toEqual([]);
  });

  it('answers a repeated query from memory; a caller with other roles gets an answer computed for them', async () => {
    const { member, other, group } = await scene();
    const first = await ask(GROUP, { id: group.id }, member.token);
    expect(first).toMatchObject({ status: 200, hit: false });
    expect(first.sqlStatements).toBeGreaterThan(0);
    const second = await ask(GROUP, { id: group.id }, member.token);
    expect(second).toMatchObject({ status: 200, hit: true, sqlStatements: 0 });
    expect(second.body).toEqual(first.body);
    // Another caller with other roles (not in the group), same query: computed for them (the access policy decides again).
    const theirs = await ask(GROUP, { id: group.id }, other.token);
    expect(theirs.hit).toBe(false);
    expect(theirs.sqlStatements).toBeGreaterThan(0);
    // No caller at all: refused, and the refusal is not kept.
    const anonymous = await ask(GROUP, { id: group.id });
    expect(anonymous.body.errors).toBeDefined();
    expect((await ask(GROUP, { id: group.id })).hit).toBe(false);
  });

  it('forgets everything when a mutation of this gateway commits (read your own writes)', async () => {
    const { member, initiative, group } = await scene();
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    await gw.settle();
    await ask(GROUP, { id: group.id }, member.token);
    expect((await ask(GROUP, { id: group.id }, member.token)).hit).toBe(true);
    const added = await ask(
      `mutation($input: SetGroupRoleInput!) { setGroupRole(input: $input) { role } }`,
      { input: { workingGroupId: group.id, personId: secretariat.id, role: 'MEMBER' } },
      secretariat.token,
    );
    expect(added.body.errors).toBeUndefined();
    const after = await ask(GROUP, { id: group.id }, member.token);
    expect(after.hit).toBe(false);
    expect(after.body.data?.workingGroup?.members.totalCount).toBe(2);
  });

  it('forgets everything when another connection commits a change (a worker, the CLI, psql)', async () => {
    const { member, group } = await scene();
    await ask(GROUP, { id: group.id }, member.token);
    expect((await ask(GROUP, { id: group.id }, member.token)).hit).toBe(true);
    await fx.query(`UPDATE working_group SET name = 'Renamed in psql' WHERE id = $1`, [group.id]);
    // The notice travels over its own connection: once it is heard (far below the TTL), the answer is new.
    await gw.settle();
    const answer = await ask(GROUP, { id: group.id }, member.token);
    expect(answer.hit).toBe(false);
    expect(answer.body.data?.workingGroup?.name).toBe('Renamed in psql');
    // A rolled-back change announces nothing: the cache keeps serving.
    expect((await ask(GROUP, { id: group.id }, member.token)).hit).toBe(true);
    const client = await fx.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE working_group SET name = 'Never committed' WHERE id = $1`, [group.id]);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await sleep(200);
    const kept = await ask(GROUP, { id: group.id }, member.token);
    expect(kept).toMatchObject({ hit: true });
    expect(kept.body.data?.workingGroup?.name).toBe('Renamed in psql');
  });

  it('remembers roles across requests, and a role changed anywhere counts on the next request', async () => {
    const { member, other, group, initiative } = await scene();
    const SET_ROLE = `mutation($input: SetGroupRoleInput!) { setGroupRole(input: $input) { role } }`;
    const setRole = (token: string, role: string) =>
      ask(SET_ROLE, { input: { workingGroupId: group.id, personId: other.id, role } }, token);
    // The roles statement is issued once, then remembered (each answer computed: no-cache).
    const fresh = { 'cache-control': 'no-cache' };
    const first = await ask(GROUP, { id: group.id }, member.token, fresh);
    const second = await ask(GROUP, { id: group.id }, member.token, fresh);
    expect(second.body).toEqual(first.body);
    expect(second.sqlStatements).toBe(first.sqlStatements - 1);
    // The CHAIR may not make somebody CHAIR; made SECRETARIAT in psql, they may at once.
    expect(JSON.stringify((await setRole(member.token, 'CHAIR')).body.errors)).toContain('FORBIDDEN');
    await fx.query(`UPDATE initiative_member SET role = 'SECRETARIAT' WHERE initiative_id = $1 AND person_id = $2`, [
      initiative.id,
      member.id,
    ]);
    await gw.settle();
    expect((await setRole(member.token, 'CHAIR')).body.errors).toBeUndefined();
    // Removed from the initiative in psql: its group is NOT_FOUND for them on the next request.
    await fx.query(`DELETE FROM initiative_member WHERE initiative_id = $1 AND person_id = $2`, [initiative.id, member.id]);
    await gw.settle();
    expect(JSON.stringify((await setRole(member.token, 'MEMBER')).body.errors)).toContain('NOT_FOUND');
    expect(JSON.stringify((await ask(GROUP, { id: group.id }, member.token)).body.errors)).toContain('NOT_FOUND');
  });

  it('computes afresh on Cache-Control: no-cache, and never keeps errors or serverTime', async () => {
    const { member, group } = await scene();
    await ask(GROUP, { id: group.id }, member.token);
    const fresh = await ask(GROUP, { id: group.id }, member.token, { 'cache-control': 'no-cache' });
    expect(fresh.hit).toBe(false);
    expect(fresh.sqlStatements).toBeGreaterThan(0);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await ask(GROUP, { id: missing }, member.token)).body.errors).toBeDefined();
    const again = await ask(GROUP, { id: missing }, member.token);
    expect(again.hit).toBe(false);
    expect(again.body.errors).toBeDefined();
    const t1 = await ask(`{ serverTime }`, {}, member.token);
    await sleep(5);
    const t2 = await ask(`{ serverTime }`, {}, member.token);
    expect(t2.hit).toBe(false);
    expect(t2.body).not.toEqual(t1.body);
  });

  it('answers identical concurrent queries with fewer computations than requests', async () => {
    const { member, group } = await scene();
    const answers = await Promise.all(Array.from({ length: 20 }, () => ask(GROUP, { id: group.id }, member.token)));
    const computed = answers.filter((a) => !a.hit);
    expect(computed.length).toBeGreaterThanOrEqual(1);
    expect(computed.length).toBeLessThan(20);
    for (const a of answers) expect(a.body).toEqual(answers[0].body);
  });

  it('stops answering from memory while the change feed is down, and resumes when it is back', async () => {
    const { member, group } = await scene();
    await ask(GROUP, { id: group.id }, member.token);
    expect((await ask(GROUP, { id: group.id }, member.token)).hit).toBe(true);
    const feed = await waitUntilListening();
    const [killed] = await fx.query<{ done: boolean }>(`SELECT pg_terminate_backend($1) AS done`, [feed]);
    expect(killed.done).toBe(true);
    // While the feed is down a change would go unheard: nothing may be served from memory.
    await sleep(100);
    await fx.query(`UPDATE working_group SET name = 'Changed while deaf' WHERE id = $1`, [group.id]);
    const during = await ask(GROUP, { id: group.id }, member.token);
    expect(during.body.data?.workingGroup?.name).toBe('Changed while deaf');
    await waitUntilListening(feed);
    // Listening again, the cache comes back on by itself (after its LISTEN is confirmed): answers
    // are kept and served from memory once more.
    const servedFromMemory = async () => {
      await ask(GROUP, { id: group.id }, member.token);
      return (await ask(GROUP, { id: group.id }, member.token)).hit;
    };
    await waitFor(servedFromMemory, 30_000);
  });
});

/**
 * The cache's memory (audit finding 10): bounded by the size of the answers it keeps,
 * not only by their number; big answers are never kept; variables a document does not declare
 * cannot make new entries.
 */
describe('response cache memory', () => {
  const PAGE = `query($id: ID!, $first: Int) { workingGroup(id: $id) { name members(first: $first) { totalCount } } }`;
  let member: { id: string; token: string };
  let group: { id: string };

  const gw = useGateway({ RESPONSE_CACHE_TTL_MS: '60000', RESPONSE_CACHE_MAX_BYTES: '4096' });
  const fx = useFixtures();
  beforeAll(async () => {
    await feedListening(fx);
    const initiative = await fx.initiative();
    member = await fx.person(initiative.id, 'MEMBER');
    group = await fx.group(initiative.id, { name: 'Cities' });
    await gw.settle();
  });

  const page = (variables: Record<string, unknown>) => askAt(gw.url, PAGE, variables, member.token);

  it('keeps answers within RESPONSE_CACHE_MAX_BYTES, dropping the least recently used first', async () => {
    // Each answer with its key is about 110 bytes: 80 of them are twice the budget.
    for (let first = 1; first <= 80; first++) expect((await page({ id: group.id, first })).hit).toBe(false);
    expect((await page({ id: group.id, first: 80 })).hit).toBe(true);
    expect((await page({ id: group.id, first: 1 })).hit).toBe(false);
  });

  it('never keeps an answer larger than a sixteenth of RESPONSE_CACHE_MAX_BYTES', async () => {
    await fx.query(`UPDATE working_group SET name = $2 WHERE id = $1`, [group.id, 'Long name '.repeat(20)]);
    await gw.settle();
    expect((await page({ id: group.id, first: 1 })).hit).toBe(false);
    const again = await page({ id: group.id, first: 1 });
    expect(again.hit).toBe(false);
    expect(again.body.data?.workingGroup?.name).toHaveLength(200);
    await fx.query(`UPDATE working_group SET name = 'Cities' WHERE id = $1`, [group.id]);
    await gw.settle();
  });

  it('makes one entry whatever variables the document does not declare, in any order', async () => {
    expect((await page({ id: group.id, first: 150 })).hit).toBe(false);
    expect((await page({ first: 150, id: group.id })).hit).toBe(true);
    expect((await page({ id: group.id, first: 150, unused: 'x' })).hit).toBe(true);
    expect((await page({ id: group.id, first: 150, unused: 'y'.repeat(1000) })).hit).toBe(true);
  });
});
