// bench/run: measures the built gateway and worker (production mode) against the seeded bench
// database (bench/seed), with autocannon at 32 connections. Writes bench/results.json and
// bench/RESULTS.md. Usage: bench/run (the wrapper sets DATABASE_URL, REDIS_URL and builds).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { freePort, startBuiltApp } from './lib/apps.mjs';
import {
  ballotId,
  commit,
  cpuMeter,
  ELECTORS,
  vmStatus,
  groupId,
  GROUPS,
  initiativeId,
  LARGE_SLUG,
  log,
  machine,
  memberNo,
  PEOPLE,
  percentile,
  personId,
  torId,
} from './lib/common.mjs';
import { cannon, concurrently, graphql, post } from './lib/load.mjs';
import { startSmtpSink } from './lib/smtp-sink.mjs';
import { writeResults } from './lib/report.mjs';

const CONNECTIONS = 32;
/** Asks the gateway to compute the answer rather than serve it from its response cache. */
const NO_CACHE = { 'cache-control': 'no-cache' };
const DURATION = Number(process.env.BENCH_DURATION ?? 15); // seconds per throughput run
const WARMUP = 3;
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 100_000);
const REMINDER_SPREAD_MS = 60_000;
const REMINDER_LEAD_MS = 3_600_000;
const PREFIX = process.env.QUEUE_PREFIX ?? 'bench';
const started = Date.now();

const DATABASE_URL = process.env.DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/2';
if (!DATABASE_URL) throw new Error('DATABASE_URL is required (bench/run sets it)');
const DATABASE_NAME = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));

const db = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
const INIT = initiativeId();
const [seeded] = (await db.query(`SELECT id FROM initiative WHERE slug = $1`, [LARGE_SLUG])).rows;
if (!seeded) {
  console.error(`The bench database has no ${LARGE_SLUG} initiative: run bench/seed first.`);
  process.exit(1);
}
const seed = existsSync(new URL('../.data/bench-seed.json', import.meta.url))
  ? JSON.parse(readFileSync(new URL('../.data/bench-seed.json', import.meta.url), 'utf8'))
  : null;

const results = {
  date: new Date().toISOString(),
  machine: machine(),
  commit: commit(),
  postgres: (await db.query('SHOW server_version')).rows[0].server_version,
  config: { connections: CONNECTIONS, durationSeconds: DURATION, workers: 2, nodeEnv: 'production' },
  seed,
  figures: {},
  notes: [],
};

// ---------------------------------------------------------------- clean up after earlier runs
log('cleaning up earlier bench runs');
await db.query(`DELETE FROM initiative WHERE slug LIKE 'bench-rem-%'`);
// What autovacuum would do after that bulk delete: index-only scans and plan costs stay those of a settled database.
await db.query(`VACUUM ANALYZE work_item, planned_reminder, notification, outbox_event, vote_record, current_vote`);
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
{
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

// ---------------------------------------------------------------- processes
const sink = await startSmtpSink();
const JWT_SECRET = randomBytes(32).toString('hex');
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const appEnv = {
  NODE_ENV: 'production',
  DATABASE_URL,
  REDIS_URL,
  QUEUE_PREFIX: PREFIX,
  JWT_SECRET,
  SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
  // SMTP sessions per worker (the platform's default is 8).
  SMTP_POOL_SIZE: process.env.BENCH_SMTP_POOL_SIZE ?? '8',
  MAIL_FROM: 'Bench <bench@bench.example>',
  PUBLIC_URL: base,
  SQL_COUNT_HEADER: 'true',
  GRAPHQL_INTROSPECTION: 'false',
  LOG_LEVEL: 'warn',
};
log('starting the gateway and two workers (production mode)');
// BENCH_GATEWAY_NODE_ARGS / BENCH_WORKER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=.data/prof", to profile.
const nodeArgs = (value) => (value ? value.split(' ').filter(Boolean) : []);
// The gateway runs with a 160 MB old-space limit (the recommended production setting: without it
// V8 lets the heap grow lazily under load, to about 340 MB of RSS at 32 connections).
const GATEWAY_NODE_ARGS = process.env.BENCH_GATEWAY_NODE_ARGS ?? '--max-old-space-size=160';
results.config.gatewayNodeArgs = GATEWAY_NODE_ARGS;
// The workers likewise with 128 MB: without it the reminder burst grows each to ~295 MB of RSS,
// with it ~167 MB, at the same rate and delays.
const WORKER_NODE_ARGS = process.env.BENCH_WORKER_NODE_ARGS ?? '--max-old-space-size=128';
results.config.workerNodeArgs = WORKER_NODE_ARGS;
const gateway = startBuiltApp('gateway', { ...appEnv, PORT: String(port) }, nodeArgs(GATEWAY_NODE_ARGS));
const workers = [0, 1].map(() => startBuiltApp('worker', appEnv, nodeArgs(WORKER_NODE_ARGS)));
async function waitReady() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gateway.child.exitCode !== null) throw new Error(`gateway exited:\n${gateway.output().slice(-3000)}`);
    try {
      const res = await fetch(`${base}/health/ready`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gateway not ready within 60 s:\n${gateway.output().slice(-3000)}`);
}
await waitReady();
await new Promise((r) => setTimeout(r, 1500));
for (const w of workers) if (w.child.exitCode !== null) throw new Error(`worker exited:\n${w.output().slice(-3000)}`);

const token = (personNo) => jwt.sign({ sub: personId(personNo) }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
const secretariat = token(1);
const gql = graphql(base);

const PHASES = (process.env.BENCH_PHASES ?? 'baseline,progress,group,cold,pages,search,vote,reminders').split(',');
async function phase(name, fn, key) {
  if (!PHASES.includes(key)) return;
  log(`--- ${name}`);
  try {
    await fn();
    const rss = vmStatus(gateway.child.pid, 'VmRSS');
    results.figures.gatewayRssAfter ??= {};
    results.figures.gatewayRssAfter[key] = Math.round(rss ?? 0);
    log(`gateway RSS now ${Math.round(rss ?? 0)} MB (peak so far ${gateway.peakRssMb()} MB)`);
  } catch (error) {
    log(`${name} FAILED: ${error.stack ?? error}`);
    results.notes.push(`${name} failed: ${String(error.message ?? error).slice(0, 500)}`);
  }
}

// ---------------------------------------------------------------- baseline
await phase(
  'baseline { __typename }',
  async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    await cannon({ url: base, bodies: [body], connections: CONNECTIONS, duration: WARMUP });
    const cpu = cpuMeter(gateway.child.pid, DATABASE_NAME);
    const r = await cannon({ url: base, bodies: [body], connections: CONNECTIONS, duration: DURATION });
    r.cpu = cpu(r.requests);
    results.figures.baseline = r;
    log(`baseline: ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, errors ${r.errors}`);
  },
  'baseline',
);

// ---------------------------------------------------------------- initiativeProgress
const PROGRESS_QUERY = `query Progress($id: ID!) { initiativeProgress(initiativeId: $id) {
  asOf initiative { name }
  totals { total notStarted inProgress blocked done overdue percentComplete nextDue { id title dueAt } }
  workingGroups { workingGroup { id code name } workPlan { id title }
    progress { total notStarted inProgress blocked done overdue percentComplete nextDue { id title dueAt } } }
  openBallots { id closesAt } } }`;
// The floor: the same aggregates (per-group counts of the current plans, the 5 soonest open
// deadlines of each, and the totals) as one hand-written statement.
const FLOOR_SQL = `
  WITH cur AS (
    SELECT DISTINCT ON (p.working_group_id) p.id, p.working_group_id, p.title
      FROM work_plan p JOIN working_group g ON g.id = p.working_group_id
     WHERE g.initiative_id = $1 ORDER BY p.working_group_id, p.created_at DESC, p.id DESC),
  per_group AS (
    SELECT g.id, g.code, g.name, cur.title, c.*, d.next_due
      FROM working_group g
      LEFT JOIN cur ON cur.working_group_id = g.id
      LEFT JOIN LATERAL (
        SELECT sum(s.n)::int AS total, sum(s.n) FILTER (WHERE s.status = 'NOT_STARTED')::int AS not_started,
               sum(s.n) FILTER (WHERE s.status = 'IN_PROGRESS')::int AS in_progress,
               sum(s.n) FILTER (WHERE s.status = 'BLOCKED')::int AS blocked, sum(s.n) FILTER (WHERE s.status = 'DONE')::int AS done,
               sum(s.late) FILTER (WHERE s.status <> 'DONE')::int AS overdue, sum(s.pct)::int AS percent_sum
          FROM (SELECT i.status, count(*) AS n, count(*) FILTER (WHERE i.due_at < now()) AS late, sum(i.percent_complete) AS pct
                  FROM work_item i WHERE i.work_plan_id = cur.id AND i.status <> 'CANCELLED' GROUP BY i.status) s) c ON cur.id IS NOT NULL
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'dueAt', x.due_at) ORDER BY x.due_at, x.id) AS next_due
          FROM (SELECT i.id, i.title, i.due_at FROM work_item i
                 WHERE i.work_plan_id = cur.id AND i.due_at IS NOT NULL AND i.status NOT IN ('DONE', 'CANCELLED')
                 ORDER BY i.due_at, i.id LIMIT 5) x) d ON cur.id IS NOT NULL
     WHERE g.initiative_id = $1)
  SELECT *, sum(total) OVER () AS all_total, sum(done) OVER () AS all_done, sum(overdue) OVER () AS all_overdue,
         sum(percent_sum) OVER () AS all_percent_sum
    FROM per_group ORDER BY code`;

await phase(
  'initiativeProgress',
  async () => {
    const body = JSON.stringify({ query: PROGRESS_QUERY, variables: { id: INIT } });
    const one = await gql(PROGRESS_QUERY, { id: INIT }, secretariat);
    if (one.data.initiativeProgress.workingGroups.length !== GROUPS) throw new Error('initiativeProgress did not list 50 groups');
    if (one.data.initiativeProgress.totals.total <= 0) throw new Error('initiativeProgress totals are empty');
    // Single requests, one at a time (latency without queueing).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const singles = [];
    // Every request is computed: the response cache would answer repeats from memory, and this
    // compares the computation with the floor.
    for (let i = 0; i < 30; i++) singles.push((await post(agent, base, body, secretariat, NO_CACHE)).ms);
    singles.sort((a, b) => a - b);
    agent.destroy();
    await cannon({ url: base, bodies: [body], token: secretariat, duration: WARMUP, headers: NO_CACHE });
    const cpu = cpuMeter(gateway.child.pid, DATABASE_NAME);
    const r = await cannon({ url: base, bodies: [body], token: secretariat, duration: DURATION, headers: NO_CACHE });
    r.cpu = cpu(r.requests);

    // The floor through pg: one at a time, and at 32 in flight over a pool the size of the gateway's.
    const floorSingles = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await db.query(FLOOR_SQL, [INIT]);
      floorSingles.push(performance.now() - t);
    }
    floorSingles.sort((a, b) => a - b);
    const floorLoad = await (async () => {
      const endAt = performance.now() + DURATION * 1000;
      const lat = [];
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (performance.now() < endAt) {
            const t = performance.now();
            await db.query(FLOOR_SQL, [INIT]);
            lat.push(performance.now() - t);
          }
        }),
      );
      lat.sort((a, b) => a - b);
      return { perSecond: Math.round(lat.length / DURATION), p50: percentile(lat, 50), p99: percentile(lat, 99) };
    })();
    const round = (x) => Math.round(x * 10) / 10;
    results.figures.initiativeProgress = {
      ...r,
      sqlStatementsSingle: one.sqlStatements,
      singleRequestP50Ms: round(percentile(singles, 50)),
      floor: {
        singleP50Ms: round(percentile(floorSingles, 50)),
        at32: { queriesPerSecond: floorLoad.perSecond, p50Ms: round(floorLoad.p50), p99Ms: round(floorLoad.p99) },
      },
    };
    log(
      `initiativeProgress: ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, SQL/request max ${r.sqlStatements?.max}; ` +
        `single p50 ${round(percentile(singles, 50))} ms; floor single p50 ${round(percentile(floorSingles, 50))} ms, floor @32 p50 ${round(floorLoad.p50)} ms (${floorLoad.perSecond}/s)`,
    );
  },
  'progress',
);

// ---------------------------------------------------------------- working group page
const GROUP_QUERY = `query Group($id: ID!) { workingGroup(id: $id) {
  chairs { name organization { name } }
  members(first: 50) { edges { node { person { name } } } }
  workPlan { progress { total done overdue percentComplete nextDue { title dueAt } } } } }`;
await phase(
  'working group page',
  async () => {
    const bodies = Array.from({ length: GROUPS }, (_, i) =>
      JSON.stringify({ query: GROUP_QUERY, variables: { id: groupId(i + 1) } }),
    );
    const one = await gql(GROUP_QUERY, { id: groupId(1) }, secretariat);
    if (one.data.workingGroup.members.edges.length !== 50) throw new Error('members(first: 50) did not return 50');
    // A member of group 1 (not the secretariat) reads it too: the access check of an ordinary member.
    const memberToken = token(memberNo(1, 10));
    await cannon({ url: base, bodies, token: memberToken, duration: WARMUP });
    const cpu = cpuMeter(gateway.child.pid, DATABASE_NAME);
    const r = await cannon({ url: base, bodies, token: memberToken, duration: DURATION });
    r.cpu = cpu(r.requests);
    // The same load with every answer computed (Cache-Control: no-cache): what a first visit
    // costs, and what the response cache saves.
    await cannon({ url: base, bodies, token: memberToken, duration: WARMUP, headers: NO_CACHE });
    const cpuComputed = cpuMeter(gateway.child.pid, DATABASE_NAME);
    const computed = await cannon({ url: base, bodies, token: memberToken, duration: DURATION, headers: NO_CACHE });
    computed.cpu = cpuComputed(computed.requests);
    results.figures.groupPage = { ...r, sqlStatementsSingle: one.sqlStatements, computed };
    log(
      `group page: ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, SQL/request max ${r.sqlStatements?.max}, ` +
        `cache hits ${r.cacheHits} of ${r.requests}, CPU/request ${JSON.stringify(r.cpu)}; ` +
        `computed every time: ${computed.requestsPerSecond} req/s, p50 ${computed.latencyMs.p50} ms, p99 ${computed.latencyMs.p99} ms, SQL max ${computed.sqlStatements?.max}, CPU/request ${JSON.stringify(computed.cpu)}`,
    );
  },
  'group',
);

// ---------------------------------------------------------------- cold read mix
// What a morning looks like: 1,000 distinct members (their own tokens) each open the home page
// (its two queries, as the web client sends them), their group's page and the initiative's
// progress once, all 4,000 requests in one shuffled order, 32 in flight, the response cache on.
// Nobody reads anything twice, so a per-caller cache saves nothing here.
const HOME_QUERY = `query Home { me { id name } initiatives { id slug name }
  unread: myNotifications(unreadOnly: true, first: 5) { totalCount edges { node { id kind title body createdAt subjectId } } } }`;
const DUE_ITEM = `fragment DueItem on WorkItem { id title dueAt overdue status owner { id } workPlan { workingGroup { id code } } }`;
const HOME_INITIATIVE_QUERY = `query HomeInitiative($initiativeId: ID!) { initiativeProgress(initiativeId: $initiativeId) {
    openBallots { id closesAt eligibleToVote myVote { position } termsOfReference { id title } }
    workingGroups { progress { nextDue { ...DueItem } } } }
  overdueItems(initiativeId: $initiativeId, first: 100) { edges { node { ...DueItem } } } } ${DUE_ITEM}`;
const COLD_MEMBERS = 1000;
const tenths = (x) => Math.round(x * 10) / 10;
/** Member i of the cold mix: a MEMBER (k 3..22) of group 1 + i % 50, all 1,000 distinct people. */
const coldMember = (i) => ({ group: 1 + (i % GROUPS), personNo: memberNo(1 + (i % GROUPS), 3 + Math.floor(i / GROUPS)) });
await phase(
  'cold read mix: 1,000 members, each page once',
  async () => {
    // A fixed shuffle (a small LCG), so every run sends the same order.
    let seedState = 20161;
    const random = () => (seedState = (seedState * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const requests = [];
    for (let i = 0; i < COLD_MEMBERS; i++) {
      const { group, personNo } = coldMember(i);
      const auth = token(personNo);
      requests.push(
        { page: 'home', auth, body: JSON.stringify({ query: HOME_QUERY }) },
        { page: 'home', auth, body: JSON.stringify({ query: HOME_INITIATIVE_QUERY, variables: { initiativeId: INIT } }) },
        { page: 'group', auth, body: JSON.stringify({ query: GROUP_QUERY, variables: { id: groupId(group) } }) },
        { page: 'progress', auth, body: JSON.stringify({ query: PROGRESS_QUERY, variables: { id: INIT } }) },
      );
    }
    for (let i = requests.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [requests[i], requests[j]] = [requests[j], requests[i]];
    }
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    // Warm the sockets (and nothing else) with a cheap query.
    await Promise.all(Array.from({ length: CONNECTIONS }, () => post(agent, base, '{"query":"{ __typename }"}')));
    const sql = { max: 0, sum: 0, missing: 0 };
    let errors = 0;
    let cacheHits = 0;
    let firstError = null;
    const cpu = cpuMeter(gateway.child.pid, DATABASE_NAME);
    const run = await concurrently(
      requests.map((r) => async () => {
        const res = await post(agent, base, r.body, r.auth);
        const count = Number(res.headers['x-sql-statements']);
        if (Number.isFinite(count)) {
          sql.sum += count;
          sql.max = Math.max(sql.max, count);
        } else sql.missing++;
        if (res.headers['x-response-cache'] === 'hit') cacheHits++;
        if (res.status !== 200 || res.body.includes('"errors":[')) {
          errors++;
          firstError ??= res.body.slice(0, 500);
        }
        return { ms: res.ms, page: r.page };
      }),
      CONNECTIONS,
    );
    agent.destroy();
    const perPage = {};
    for (const page of ['home', 'group', 'progress']) {
      const ms = run.results
        .filter((r) => r.page === page)
        .map((r) => r.ms)
        .sort((a, b) => a - b);
      perPage[page] = { p50Ms: tenths(percentile(ms, 50)), p99Ms: tenths(percentile(ms, 99)) };
    }
    results.figures.coldReadMix = {
      members: COLD_MEMBERS,
      requests: requests.length,
      requestsPerSecond: run.perSecond,
      latencyMs: { p50: run.p50, p99: run.p99 },
      perPage,
      sqlStatements: { max: sql.max, mean: tenths(sql.sum / Math.max(1, requests.length - sql.missing)), missing: sql.missing },
      cacheHits,
      errors,
      firstError,
      cpu: cpu(requests.length),
    };
    const c = results.figures.coldReadMix;
    log(
      `cold read mix: ${c.requestsPerSecond} req/s, p50 ${c.latencyMs.p50} ms, p99 ${c.latencyMs.p99} ms, per page ${JSON.stringify(perPage)}, ` +
        `SQL/request mean ${c.sqlStatements.mean} max ${c.sqlStatements.max}, cache hits ${cacheHits}, errors ${errors}, CPU/request ${JSON.stringify(c.cpu)}`,
    );
  },
  'cold',
);

// ---------------------------------------------------------------- the newer pages
// Each page as the web client asks for it, computed every time (no-cache), 50 times in a row by a
// member: the latency of a first visit and its statement count (constant whatever the size:
// the regular suite asserts it at small scale). Then the web client's first page (the HTML and
// its entry script, as the gateway serves them) under load.
const MEETING_PAGE = `query Meeting($id: ID!) { meeting(id: $id) { id number title purpose status venue onlineUrl timeZone cancellationReason
  initiative { slug name } workingGroup { id code name } sessions { id title startsAt endsAt }
  agenda { id position title kind description presenter { id name } ballot { id } termsOfReference { id title }
    workPlan { id title workingGroup { id code } } }
  decisions { id number text ballot { id status outcome } } minutes { status body approvedAt } myParticipation { response } } }`;
const KPI_PAGE = `query KpiCatalogue($slug: String!, $first: Int) { initiative(slug: $slug) { id name
  kpis(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { id code name dimension level } } } } }`;
const PAGE_SAMPLES = 50;
await phase(
  'newer pages: meeting(id) with a 30-item agenda, initiative.kpis(first: 100), the web client',
  async () => {
    const reader = token(coldMember(0).personNo);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const pages = {
      meeting: { query: MEETING_PAGE, variables: { id: (await db.query(`SELECT md5('meeting-1')::uuid AS id`)).rows[0].id } },
      kpis: { query: KPI_PAGE, variables: { slug: LARGE_SLUG, first: 100 } },
    };
    results.figures.pages = {};
    for (const [name, { query, variables }] of Object.entries(pages)) {
      const body = JSON.stringify({ query, variables });
      const first = JSON.parse((await post(agent, base, body, reader, NO_CACHE)).body);
      if (first.errors) throw new Error(`${name}: ${JSON.stringify(first.errors).slice(0, 500)}`);
      const ms = [];
      const statements = new Set();
      for (let i = 0; i < PAGE_SAMPLES; i++) {
        const res = await post(agent, base, body, reader, NO_CACHE);
        ms.push(res.ms);
        statements.add(Number(res.headers['x-sql-statements']));
      }
      ms.sort((a, b) => a - b);
      results.figures.pages[name] = {
        p50Ms: tenths(percentile(ms, 50)),
        p99Ms: tenths(percentile(ms, 99)),
        sqlStatements: Math.max(...statements),
        rows: name === 'meeting' ? first.data.meeting.agenda.length : first.data.initiative.kpis.edges.length,
      };
      log(`${name} page: ${JSON.stringify(results.figures.pages[name])}`);
    }
    agent.destroy();
    // The web client's first page: index.html, then its entry script (as a browser would).
    const html = await (await fetch(`${base}/`)).text();
    const entry = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    if (!entry) throw new Error('the web client is not built (no entry script in /)');
    const web = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [{ path: '/' }, { path: entry }],
    });
    results.figures.pages.web = {
      requestsPerSecond: Math.round(web.requests.average),
      p99Ms: web.latency.p99,
      errors: web.errors + web.timeouts + web.non2xx,
      entry,
    };
    log(`web client first page: ${JSON.stringify(results.figures.pages.web)}`);
  },
  'pages',
);

// ---------------------------------------------------------------- search
// Query.search alone: sequential requests (no queueing), every answer computed (no-cache), by a
// member of group 1 (not the SECRETARIAT: the DRAFT-meeting filter reads the groups they chair).
// Terms of a few kinds: an exact item title (two words, one rare), a group code, a person's name,
// a word of the 50 ToR bodies, and "item", a word of all 100,000 item titles (the worst case: every
// match is ranked to find the best 20).
const SEARCH_QUERY = `query Search($id: ID!, $q: String!) { search(initiativeId: $id, query: $q) {
  totalCount edges { node { kind id title snippet context } } } }`;
const SEARCH_TERMS = [
  (i) => `Item ${1 + (i % GROUPS)}.${1 + ((i * 37) % 2000)}`,
  (i) => `WG-${String(1 + (i % GROUPS)).padStart(2, '0')}`,
  (i) => `Person ${2 + ((i * 13) % 900)}`,
  () => 'mandate',
  () => 'item',
];
await phase(
  'search',
  async () => {
    const memberToken = token(memberNo(1, 10));
    const first = await gql(SEARCH_QUERY, { id: INIT, q: 'Item 1.1' }, memberToken);
    if (!first.data?.search?.edges?.length) throw new Error(`search found nothing: ${JSON.stringify(first).slice(0, 300)}`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const latencies = [];
    const perKind = SEARCH_TERMS.map(() => []);
    const statements = [];
    for (let i = 0; i < 200; i++) {
      const kind = i % SEARCH_TERMS.length;
      const body = JSON.stringify({ query: SEARCH_QUERY, variables: { id: INIT, q: SEARCH_TERMS[kind](i) } });
      const res = await post(agent, base, body, memberToken, NO_CACHE);
      if (res.status !== 200 || JSON.parse(res.body).errors) throw new Error(`search failed: ${res.body.slice(0, 300)}`);
      latencies.push(res.ms);
      perKind[kind].push(res.ms);
      statements.push(Number(res.headers['x-sql-statements'] ?? NaN));
    }
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const round = (x) => Math.round(x * 10) / 10;
    const kinds = ['exact title', 'group code', 'person name', 'ToR word', 'word of every item'];
    results.figures.search = {
      requests: latencies.length,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      perKindP50Ms: Object.fromEntries(
        kinds.map((k, n) => [
          k,
          round(
            percentile(
              perKind[n].sort((a, b) => a - b),
              50,
            ),
          ),
        ]),
      ),
      sqlStatements: { max: Math.max(...statements), min: Math.min(...statements) },
      totalCountOfItem: (await gql(SEARCH_QUERY, { id: INIT, q: 'item' }, memberToken)).data.search.totalCount,
    };
    log(
      `search: p50 ${results.figures.search.p50Ms} ms, p99 ${results.figures.search.p99Ms} ms, ${JSON.stringify(results.figures.search)}`,
    );
  },
  'search',
);

// ---------------------------------------------------------------- castVote
await phase(
  'castVote by 1,000 electors',
  async () => {
    const tor = torId(1);
    // A ballot left open by an interrupted run is cancelled first.
    const open = (await db.query(`SELECT id FROM ballot WHERE tor_id = $1 AND state = 'OPEN'`, [tor])).rows;
    for (const { id } of open) {
      await gql(
        `mutation($id: ID!) { cancelBallot(ballotId: $id, reason: "bench: left open by an earlier run") { id } }`,
        { id },
        secretariat,
      );
    }
    const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const opened = await gql(
      `mutation($input: OpenBallotInput!) { openBallot(input: $input) { id electorateSize status } }`,
      { input: { termsOfReferenceId: tor, closesAt, rule: 'MAJORITY', quorum: 0.5 } },
      secretariat,
    );
    const ballot = opened.data.openBallot.id;
    if (opened.data.openBallot.electorateSize !== ELECTORS)
      throw new Error(`electorate ${opened.data.openBallot.electorateSize}, expected ${ELECTORS}`);
    // Opening the ballot e-mails its 1,000 electors (BALLOT_OPENED, through the workers): let that
    // fan-out finish first, so the votes are measured on their own.
    const acceptedBefore = sink.accepted.length;
    const drainUntil = Date.now() + 90_000;
    while (sink.accepted.length - acceptedBefore < ELECTORS && Date.now() < drainUntil)
      await new Promise((r) => setTimeout(r, 500));
    log(`ballot opened; ${sink.accepted.length - acceptedBefore} "ballot opened" e-mails delivered before voting starts`);
    const positions = ['APPROVE', 'OBJECT', 'ABSTAIN'];
    const expected = { approve: 0, object: 0, abstain: 0 };
    const MUTATION = `mutation($input: CastVoteInput!) { castVote(input: $input) { receipt vote { position castAt } } }`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const tasks = Array.from({ length: ELECTORS }, (_, k) => {
      const position = positions[k % 3];
      expected[position.toLowerCase()]++;
      const input = { ballotId: ballot, position, ...(position === 'OBJECT' ? { comment: `Objection by elector ${k}` } : {}) };
      const body = JSON.stringify({ query: MUTATION, variables: { input } });
      const voterToken = token(memberNo(1, k));
      return () => post(agent, base, body, voterToken);
    });
    // Tokens signed before the clock starts; warm the sockets with a cheap query.
    await Promise.all(Array.from({ length: CONNECTIONS }, () => post(agent, base, '{"query":"{ __typename }"}')));
    // Warm-up, as the throughput runs get: 300 votes (revisions on later runs) in another open
    // seeded ballot, so the measured votes do not pay for the JIT compiling the castVote path.
    const [warm] = (
      await db.query(
        `SELECT b.id, array_agg(e.person_id) AS electors FROM ballot b JOIN ballot_elector e ON e.ballot_id = b.id
          WHERE b.state = 'OPEN' AND b.closes_at > now() + interval '1 hour' AND b.tor_id <> $1 AND b.id <> $2
          GROUP BY b.id ORDER BY b.id LIMIT 1`,
        [tor, ballotId(GROUPS)],
      )
    ).rows;
    if (warm) {
      const WARM_MUTATION = `mutation($input: CastVoteInput!) { castVote(input: $input) { receipt vote { position castAt } } }`;
      const warmTasks = warm.electors.slice(0, 300).map((elector) => {
        const body = JSON.stringify({ query: WARM_MUTATION, variables: { input: { ballotId: warm.id, position: 'ABSTAIN' } } });
        const t = jwt.sign({ sub: elector }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
        return () => post(agent, base, body, t);
      });
      await concurrently(warmTasks, CONNECTIONS);
    } else results.notes.push('castVote ran without warm-up: no other open seeded ballot');
    const cpu = cpuMeter(gateway.child.pid, DATABASE_NAME);
    const run = await concurrently(tasks, CONNECTIONS);
    const voteCpu = cpu(tasks.length);
    agent.destroy();
    const failed = run.results.filter((r) => r.status !== 200 || r.body.includes('"errors"'));
    const receipts = run.results.map((r) => {
      try {
        return JSON.parse(r.body).data?.castVote?.receipt ?? null;
      } catch {
        return null;
      }
    });
    const read = await gql(
      `query($id: ID!) { ballot(id: $id) { votesCast electorateSize tally { approve object abstain notVoted } } }`,
      { id: ballot },
      secretariat,
    );
    const b = read.data.ballot;
    const exact =
      failed.length === 0 &&
      b.votesCast === ELECTORS &&
      b.tally.approve === expected.approve &&
      b.tally.object === expected.object &&
      b.tally.abstain === expected.abstain &&
      b.tally.notVoted === 0;
    const sample = receipts.find(Boolean);
    const verified = sample
      ? (
          await gql(
            `query($b: ID!, $r: String!) { verifyBallotReceipt(ballotId: $b, receipt: $r) { valid } }`,
            { b: ballot, r: sample },
            secretariat,
          )
        ).data.verifyBallotReceipt.valid
      : false;
    const seededReceipt = (
      await db.query(`SELECT hash FROM vote_record WHERE ballot_id = $1 ORDER BY seq DESC LIMIT 1`, [ballotId(GROUPS)])
    ).rows[0]?.hash;
    const seededVerified = seededReceipt
      ? (
          await gql(
            `query($b: ID!, $r: String!) { verifyBallotReceipt(ballotId: $b, receipt: $r) { valid } }`,
            { b: ballotId(GROUPS), r: seededReceipt },
            secretariat,
          )
        ).data.verifyBallotReceipt.valid
      : false;
    results.figures.castVote = {
      votes: ELECTORS,
      votesPerSecond: run.perSecond,
      latencyMs: { p50: run.p50, p99: run.p99 },
      failed: failed.length,
      firstFailure: failed[0]?.body.slice(0, 400) ?? null,
      expected,
      tally: b.tally,
      votesCast: b.votesCast,
      tallyExact: exact,
      receiptVerifies: verified,
      seededChainVerifies: seededVerified,
      cpu: voteCpu,
    };
    log(
      `castVote: ${run.perSecond} votes/s, p50 ${run.p50} ms, p99 ${run.p99} ms, failed ${failed.length}, tally exact ${exact}, receipt valid ${verified}, seeded chain valid ${seededVerified}, CPU/vote ${JSON.stringify(voteCpu)}`,
    );
    await gql(
      `mutation($id: ID!) { cancelBallot(ballotId: $id, reason: "bench run finished") { id } }`,
      { id: ballot },
      secretariat,
    );
  },
  'vote',
);

// ---------------------------------------------------------------- reminders
await phase(
  `reminders: ${REMINDERS} due within one minute, two workers`,
  async () => {
    const slug = `bench-rem-${Date.now().toString(36)}`;
    const client = await db.connect();
    let initiative;
    let T0;
    try {
      await client.query('BEGIN');
      [{ id: initiative }] = (
        await client.query(
          `INSERT INTO initiative (slug, name, time_zone) VALUES ($1, 'Bench reminders', 'Europe/Zurich') RETURNING id`,
          [slug],
        )
      ).rows;
      await client.query(`INSERT INTO reminder_policy (initiative_id, lead_times_ms, remind_overdue) VALUES ($1, $2, false)`, [
        initiative,
        [REMINDER_LEAD_MS],
      ]);
      await client.query(
        `INSERT INTO initiative_member (initiative_id, person_id, role) SELECT $1, md5('p-' || n)::uuid, 'MEMBER' FROM generate_series(2, ${PEOPLE}) n`,
        [initiative],
      );
      const [{ id: group }] = (
        await client.query(
          `INSERT INTO working_group (initiative_id, code, name, mandate) VALUES ($1, 'REM', 'Reminders', 'Bench') RETURNING id`,
          [initiative],
        )
      ).rows;
      await client.query(
        `INSERT INTO group_member (working_group_id, initiative_id, person_id, role) SELECT $1, $2, md5('p-' || n)::uuid, 'MEMBER' FROM generate_series(2, ${PEOPLE}) n`,
        [group, initiative],
      );
      const [{ id: plan }] = (
        await client.query(
          `INSERT INTO work_plan (working_group_id, title, period_start, period_end) VALUES ($1, 'Reminders', '2026-01-01'::date, '2027-12-31'::date) RETURNING id`,
          [group],
        )
      ).rows;
      // Deadlines one hour after the due moments; the reminders (lead time one hour) become due
      // over one minute starting T0, which leaves time to create the timers first.
      T0 = Math.ceil((Date.now() + 40_000) / 1000) * 1000;
      await client.query(
        `INSERT INTO work_item (work_plan_id, kind, title, owner_id, due_at)
       SELECT $1, 'TASK', 'Reminder item ' || n, md5('p-' || (2 + n % ${PEOPLE - 1}))::uuid,
              to_timestamp(($2::bigint + ${REMINDER_LEAD_MS} + floor((n - 1) * ${REMINDER_SPREAD_MS}::numeric / $3))::numeric / 1000)
         FROM generate_series(1, $3::int) n`,
        [plan, T0, REMINDERS],
      );
      // The rows the planner writes for them (same job ids as planReminders).
      await client.query(
        `INSERT INTO planned_reminder (job_id, kind, subject_id, initiative_id, recipient_key, lead_ms, due_at, fire_at)
       SELECT 'rem_WORK_ITEM_DUE_' || i.id || '_owner-' || i.owner_id || '_${REMINDER_LEAD_MS}_' || (extract(epoch FROM i.due_at) * 1000)::bigint,
              'WORK_ITEM_DUE', i.id, $2, 'owner-' || i.owner_id, ${REMINDER_LEAD_MS}, i.due_at, i.due_at - interval '${REMINDER_LEAD_MS / 1000} seconds'
         FROM work_item i WHERE i.work_plan_id = $1`,
        [plan, initiative],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    log(`planned ${REMINDERS} reminders; adding their timers (as ReminderTimers.addReminders does)`);
    // ReminderTimers.addReminders: one delayed "tick" job per TICK_MS slot holding a fire time
    // (libs/reminders/src/jobs/batching.ts: slot = the first multiple of TICK_MS at or after
    // fire_at, job id tick-<slot ms>); a tick fires every due reminder in batches.
    const TICK_MS = 250;
    const queue = new Queue('reminders', { connection: { url: REDIS_URL }, prefix: PREFIX });
    const slots = (
      await db.query(
        `SELECT DISTINCT (ceil(extract(epoch FROM fire_at) * 1000 / ${TICK_MS}) * ${TICK_MS})::bigint AS at
           FROM planned_reminder WHERE initiative_id = $1 ORDER BY at`,
        [initiative],
      )
    ).rows.map((r) => Number(r.at));
    const now = Date.now();
    await queue.addBulk(
      slots.map((at) => ({
        name: 'tick',
        data: { at },
        opts: {
          jobId: `tick-${at}`,
          delay: Math.max(0, at - now),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
    await queue.close();
    const readyAt = Date.now();
    if (readyAt > T0) results.notes.push(`reminder timers were ready ${readyAt - T0} ms after the first due time`);
    log(`timers ready ${Math.round((T0 - readyAt) / 1000)} s before the first reminder is due; waiting for delivery`);

    const firstAccepted = sink.accepted.length;
    const deadline = T0 + REMINDER_SPREAD_MS + Number(process.env.BENCH_REMINDER_GRACE_MS ?? 180_000);
    let last = -1;
    const countDelivered = async () =>
      (
        await db.query(`SELECT count(*)::int AS n FROM notification WHERE initiative_id = $1 AND emailed_at IS NOT NULL`, [
          initiative,
        ])
      ).rows[0].n;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5000));
      const delivered = await countDelivered();
      log(`  reminders: ${delivered} e-mailed, ${sink.accepted.length - firstAccepted} SMTP messages accepted`);
      if (delivered >= REMINDERS && Date.now() > T0 + REMINDER_SPREAD_MS) break;
      if (delivered === last && Date.now() > T0 + REMINDER_SPREAD_MS + 30_000) break;
      last = delivered;
    }
    await new Promise((r) => setTimeout(r, 2000)); // late duplicates, if any
    const fireAt = new Map(
      (
        await db.query(
          `SELECT n.id, (extract(epoch FROM n.due_at) * 1000)::bigint - n.lead_ms AS "fireMs" FROM notification n WHERE n.initiative_id = $1`,
          [initiative],
        )
      ).rows.map((r) => [r.id, Number(r.fireMs)]),
    );
    const seen = new Map();
    for (const a of sink.accepted.slice(firstAccepted))
      if (a.id && fireAt.has(a.id)) seen.set(a.id, [...(seen.get(a.id) ?? []), a.at]);
    const delays = [...seen.entries()].map(([id, ats]) => ats[0] - fireAt.get(id)).sort((a, b) => a - b);
    const duplicates = [...seen.values()].reduce((s, ats) => s + ats.length - 1, 0);
    const lastAccept = Math.max(...[...seen.values()].map((ats) => ats[0]));
    const windowS = (lastAccept - T0) / 1000;
    const [dbCounts] = (
      await db.query(
        `SELECT count(*)::int AS notifications, count(*) FILTER (WHERE emailed_at IS NOT NULL)::int AS emailed,
              (SELECT count(*) FROM planned_reminder WHERE initiative_id = $1 AND fired_at IS NOT NULL)::int AS fired
         FROM notification WHERE initiative_id = $1`,
        [initiative],
      )
    ).rows;
    results.figures.reminders = {
      reminders: REMINDERS,
      fired: dbCounts.fired,
      notifications: dbCounts.notifications,
      delivered: seen.size,
      perSecond: windowS > 0 ? Math.round(seen.size / windowS) : null,
      deliveryWindowSeconds: Math.round(windowS * 10) / 10,
      delayMs: { p50: percentile(delays, 50), p99: percentile(delays, 99), max: delays.at(-1) ?? null },
      duplicates,
      emailedInDatabase: dbCounts.emailed,
    };
    log(`reminders: ${JSON.stringify(results.figures.reminders)}`);
  },
  'reminders',
);

// ---------------------------------------------------------------- memory and shutdown
results.figures.memory = { gatewayPeakRssMb: gateway.peakRssMb(), workerPeakRssMb: workers.map((w) => w.peakRssMb()) };
log(
  `peak RSS: gateway ${results.figures.memory.gatewayPeakRssMb} MB, workers ${results.figures.memory.workerPeakRssMb.join(' / ')} MB`,
);
await gateway.stop();
await Promise.all(workers.map((w) => w.stop()));
await sink.close();
await redis.quit();
await db.end();
results.totalSeconds = Math.round((Date.now() - started) / 1000);
writeResults(results);
log(`done in ${results.totalSeconds} s: bench/results.json and bench/RESULTS.md written`);
