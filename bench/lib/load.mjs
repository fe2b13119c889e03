// Load generation: autocannon for throughput runs, and a small keep-alive client for runs whose
// every request is different (castVote by distinct electors).
import http from 'node:http';
import autocannon from 'autocannon';
import { percentile } from './common.mjs';

/**
 * Runs autocannon against POST /graphql with the given bodies (cycled per connection), and
 * collects the X-Sql-Statements header and GraphQL errors of every response.
 */
export async function cannon({ url, bodies, token, connections = 32, duration = 10, headers: extra = {} }) {
  const sql = { max: 0, sum: 0, n: 0, missing: 0 };
  let graphqlErrors = 0;
  let cacheHits = 0;
  let firstError = null;
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
  const requests = bodies.map((body) => ({
    method: 'POST',
    path: '/graphql',
    headers,
    body,
    onResponse(status, resBody, _context, resHeaders) {
      const count = Number(resHeaders?.['x-sql-statements']);
      if (Number.isFinite(count) && resHeaders?.['x-sql-statements'] !== undefined) {
        sql.n++;
        sql.sum += count;
        if (count > sql.max) sql.max = count;
      } else sql.missing++;
      if (resHeaders?.['x-response-cache'] === 'hit') cacheHits++;
      if (status !== 200 || resBody.startsWith('{"errors"') || resBody.includes('"errors":[')) {
        graphqlErrors++;
        firstError ??= resBody.slice(0, 500);
      }
    },
  }));
  const result = await autocannon({ url, connections, duration, pipelining: 1, requests });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    requests: result.requests.total,
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: Math.round(result.latency.mean * 10) / 10,
      max: result.latency.max,
    },
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    firstError,
    cacheHits,
    sqlStatements: sql.n ? { max: sql.max, mean: Math.round((sql.sum / sql.n) * 100) / 100, missing: sql.missing } : null,
  };
}

/** One GraphQL request over a keep-alive agent; resolves with { status, body, headers, ms }. */
export function post(agent, base, body, token, extraHeaders = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      `${base}/graphql`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extraHeaders },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (data += c));
        res.on('end', () =>
          resolve({ status: res.statusCode, body: data, headers: res.headers, ms: performance.now() - started }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A GraphQL client for set-up calls: throws on errors. */
export function graphql(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  return async (query, variables, token) => {
    const res = await post(agent, base, JSON.stringify({ query, variables }), token);
    const json = JSON.parse(res.body);
    if (json.errors) throw new Error(`GraphQL error: ${JSON.stringify(json.errors).slice(0, 800)}`);
    return { data: json.data, sqlStatements: Number(res.headers['x-sql-statements']), ms: res.ms };
  };
}

/** Runs every task with at most `concurrency` in flight; returns latencies (ms, sorted) and results. */
export async function concurrently(tasks, concurrency) {
  let next = 0;
  const results = new Array(tasks.length);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    seconds,
    results,
    perSecond: Math.round(tasks.length / seconds),
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
  };
}
