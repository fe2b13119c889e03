// Turns the figures of bench/run into bench/results.json and the table of bench/RESULTS.md,
// each figure checked against its target.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const cpuText = (c) => (c ? `gateway ${c.gatewayMsPerRequest} ms, PostgreSQL ${c.postgresMsPerRequest} ms` : 'n/a');

const fmt = (x, unit = '') =>
  x === null || x === undefined ? 'n/a' : `${typeof x === 'number' ? x.toLocaleString('en-US') : x}${unit}`;

export function checks(f) {
  const rows = [];
  const row = (measure, value, target, pass) => rows.push({ measure, value, target, pass: pass === null ? null : !!pass });
  const b = f.baseline;
  row(
    '`{ __typename }` baseline throughput',
    b ? `${fmt(b.requestsPerSecond)} req/s (p50 ${b.latencyMs.p50} ms, p99 ${b.latencyMs.p99} ms)` : null,
    'reference',
    null,
  );
  const p = f.initiativeProgress;
  if (p) {
    row(
      'initiativeProgress throughput (computed every time: `Cache-Control: no-cache`)',
      `${fmt(p.requestsPerSecond)} req/s (CPU per request: ${cpuText(p.cpu)})`,
      'reported',
      null,
    );
    row('initiativeProgress p50 / p99 at 32 connections', `${p.latencyMs.p50} ms / ${p.latencyMs.p99} ms`, 'reported', null);
    row(
      'hand-written SQL floor p50 at 32 in flight (pool of 10)',
      `${p.floor.at32.p50Ms} ms (${fmt(p.floor.at32.queriesPerSecond)} queries/s)`,
      'reference',
      null,
    );
    row(
      'initiativeProgress p50 vs the floor, same load',
      `${(p.latencyMs.p50 / p.floor.at32.p50Ms).toFixed(2)}x`,
      '<= 2x',
      p.latencyMs.p50 <= 2 * p.floor.at32.p50Ms,
    );
    row(
      'initiativeProgress alone vs the floor alone (p50 of 30 sequential)',
      `${p.singleRequestP50Ms} ms vs ${p.floor.singleP50Ms} ms = ${(p.singleRequestP50Ms / p.floor.singleP50Ms).toFixed(2)}x`,
      '<= 2x',
      p.singleRequestP50Ms <= 2 * p.floor.singleP50Ms,
    );
    row(
      'initiativeProgress SQL statements per request (max)',
      p.sqlStatements?.max,
      '<= 4',
      p.sqlStatements && p.sqlStatements.max <= 4 && p.sqlStatements.missing === 0,
    );
    row('initiativeProgress errors', p.errors, '0', p.errors === 0);
  } else row('initiativeProgress', null, 'measured', false);
  const g = f.groupPage;
  if (g) {
    row(
      'working group page throughput',
      b
        ? `${fmt(g.requestsPerSecond)} req/s = ${Math.round((100 * g.requestsPerSecond) / b.requestsPerSecond)}% of baseline (p50 ${g.latencyMs.p50} ms, p99 ${g.latencyMs.p99} ms)`
        : `${g.requestsPerSecond} req/s`,
      '>= 40% of baseline',
      b && g.requestsPerSecond >= 0.4 * b.requestsPerSecond,
    );
    row(
      'working group page answers from the response cache',
      `${fmt(g.cacheHits)} of ${fmt(g.requests)} (one member reading the 50 groups' pages in turn; CPU per request: ${cpuText(g.cpu)})`,
      'reported',
      null,
    );
    if (g.computed)
      row(
        'working group page computed every time (`Cache-Control: no-cache`)',
        `${fmt(g.computed.requestsPerSecond)} req/s${b ? ` = ${Math.round((100 * g.computed.requestsPerSecond) / b.requestsPerSecond)}% of baseline` : ''} (p50 ${g.computed.latencyMs.p50} ms, p99 ${g.computed.latencyMs.p99} ms; ${g.computed.sqlStatements?.max} SQL statements; CPU per request: ${cpuText(g.computed.cpu)})`,
        '>= 20% of baseline',
        b && g.computed.requestsPerSecond >= 0.2 * b.requestsPerSecond,
      );
    row(
      "working group page SQL statements per request (max: 5 for the page, and the caller's roles on their first request)",
      g.sqlStatements?.max,
      '<= 6',
      g.sqlStatements && g.sqlStatements.max <= 6 && g.sqlStatements.missing === 0,
    );
    row('working group page errors', g.errors, '0', g.errors === 0);
  } else row('working group page', null, 'measured', false);
  const c = f.coldReadMix;
  if (c) {
    row(
      `cold read mix: ${fmt(c.members)} members each open home (2 queries), their group page and initiativeProgress once (${fmt(c.requests)} requests, shuffled, 32 in flight, response cache on)`,
      `${fmt(c.requestsPerSecond)} req/s, p50 ${c.latencyMs.p50} ms, p99 ${c.latencyMs.p99} ms (p99 per page: home ${c.perPage.home.p99Ms} ms, group ${c.perPage.group.p99Ms} ms, progress ${c.perPage.progress.p99Ms} ms); SQL statements per request mean ${c.sqlStatements.mean}, max ${c.sqlStatements.max}; cache hits ${fmt(c.cacheHits)}; CPU per request: ${cpuText(c.cpu)}`,
      'p99 < 150 ms',
      c.latencyMs.p99 < 150,
    );
    row('cold read mix errors', c.errors, '0', c.errors === 0);
  } else row('cold read mix', null, 'measured', false);
  const pages = f.pages;
  if (pages?.meeting)
    row(
      `meeting(id) page (${pages.meeting.rows}-item agenda, computed every time, ${50} in a row)`,
      `p50 ${pages.meeting.p50Ms} ms, p99 ${pages.meeting.p99Ms} ms, ${pages.meeting.sqlStatements} SQL statements`,
      'constant statements (suite)',
      null,
    );
  if (pages?.kpis)
    row(
      `initiative.kpis(first: 100) page (${pages.kpis.rows} KPIs, computed every time)`,
      `p50 ${pages.kpis.p50Ms} ms, p99 ${pages.kpis.p99Ms} ms, ${pages.kpis.sqlStatements} SQL statements`,
      'constant statements (suite)',
      null,
    );
  if (pages?.web)
    row(
      'web client first page (index.html and its entry script, 32 connections)',
      `${fmt(pages.web.requestsPerSecond)} req/s (p99 ${pages.web.p99Ms} ms)`,
      'reported; 0 errors',
      pages.web.errors === 0,
    );
  if (!pages) row('newer pages', null, 'measured', false);
  const s = f.search;
  if (s) {
    row(
      'search p50 / p99 alone (200 sequential queries, computed every time)',
      `${s.p50Ms} ms / ${s.p99Ms} ms (p50 by kind of term: ${Object.entries(s.perKindP50Ms)
        .map(([k, ms]) => `${k} ${ms} ms`)
        .join(', ')}; "item" matches ${fmt(s.totalCountOfItem)})`,
      'p99 < 50 ms',
      s.p99Ms < 50,
    );
    row('search SQL statements per request (max)', s.sqlStatements.max, '<= 6', s.sqlStatements.max <= 6);
  } else row('search', null, 'measured', false);
  const v = f.castVote;
  if (v) {
    row(
      'castVote throughput (1,000 distinct electors, 32 in flight)',
      `${fmt(v.votesPerSecond)} votes/s`,
      '>= 300 votes/s',
      v.votesPerSecond >= 300,
    );
    row('castVote CPU per vote', cpuText(v.cpu), 'reported', null);
    row('castVote p99 latency', `${v.latencyMs.p99} ms (p50 ${v.latencyMs.p50} ms)`, '<= 250 ms', v.latencyMs.p99 <= 250);
    row(
      'castVote tally afterwards',
      `${v.tally.approve}/${v.tally.object}/${v.tally.abstain} approve/object/abstain, ${v.votesCast} cast, ${v.failed} failed; receipt verifies: ${v.receiptVerifies}; seeded chain verifies: ${v.seededChainVerifies}`,
      `exact (${v.expected.approve}/${v.expected.object}/${v.expected.abstain})`,
      v.tallyExact && v.receiptVerifies,
    );
  } else row('castVote', null, 'measured', false);
  const r = f.reminders;
  if (r) {
    row(
      'reminders delivered per second (two workers)',
      `${fmt(r.perSecond)}/s (${fmt(r.delivered)} of ${fmt(r.reminders)} in ${r.deliveryWindowSeconds} s from the first due time)`,
      '>= 500/s, all delivered',
      r.perSecond >= 500 && r.delivered === r.reminders,
    );
    row(
      'reminder delay, due time to SMTP acceptance',
      `p50 ${fmt(r.delayMs.p50)} ms, p99 ${fmt(r.delayMs.p99)} ms`,
      'p99 <= 2,000 ms',
      r.delayMs.p99 !== null && r.delayMs.p99 <= 2000,
    );
    row(
      'reminder duplicates (SMTP messages beyond the first per notification)',
      r.duplicates,
      '0',
      r.duplicates === 0 && r.delivered > 0,
    );
  } else row('reminders', null, 'measured', false);
  const m = f.memory;
  if (m) {
    row(
      'gateway peak resident memory (whole run, under load)',
      `${m.gatewayPeakRssMb} MB`,
      '<= 300 MB',
      m.gatewayPeakRssMb <= 300,
    );
    row('worker peak resident memory', `${m.workerPeakRssMb.join(' MB / ')} MB`, 'reported', null);
  }
  return rows;
}

export function writeResults(results) {
  const rows = checks(results.figures);
  results.checks = rows;
  results.allPass = rows.every((r) => r.pass !== false);
  writeFileSync(new URL('../results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine;
  const seed = results.seed
    ? `Seed (\`bench/seed\`): ${results.seed.seconds} s for ${Object.entries(results.seed.counts)
        .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
        .join(', ')}.`
    : 'Seed time: not recorded (run bench/seed).';
  const lines = [
    '# Benchmark results',
    '',
    `Date: ${results.date}  `,
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB memory, Node ${m.node}, PostgreSQL ${results.postgres}  `,
    `Commit: ${results.commit}  `,
    `Set-up: built gateway (node ${results.config.gatewayNodeArgs || 'without flags'}) + 2 workers (node ${results.config.workerNodeArgs || 'without flags'}), NODE_ENV=production, load generator autocannon at ${results.config.connections} connections, ${results.config.durationSeconds} s per throughput run (after a 3 s warm-up), everything on this one machine.  `,
    seed,
    `Run time: ${results.totalSeconds} s.`,
    '',
    '| measure | value | target | result |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) => `| ${r.measure} | ${fmt(r.value)} | ${r.target} | ${r.pass === null ? '–' : r.pass ? 'pass' : '**fail**'} |`,
    ),
    '',
    ...(results.notes.length ? ['Notes:', '', ...results.notes.map((n) => `- ${n}`), ''] : []),
    'Reproduce: `bench/seed && bench/run` (see README, Performance).',
    '',
  ];
  const file = new URL('../RESULTS.md', import.meta.url);
  writeFileSync(file, lines.join('\n') + history(file));
}

/** The "## History" section of the results file (what each target took), kept across runs. */
function history(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = text.indexOf('\n## History\n');
  return start < 0 ? '' : text.slice(start);
}
