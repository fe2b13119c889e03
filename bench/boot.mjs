// Measures the built gateway's boot time (process start to "gateway listening") and its
// resident memory when idle, over several runs. Usage (after npm run build, with PostgreSQL
// and Redis reachable and the database migrated):
//   node bench/boot.mjs [runs=5]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const runs = Number(process.argv[2] ?? 5);
const port = 39_000 + Math.floor(Math.random() * 1000);

function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line.replace(/\D+/g, '')) / 1024;
}

async function once() {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['dist/apps/gateway/src/main.js'], {
    env: { ...process.env, PORT: String(port), NODE_ENV: process.env.NODE_ENV ?? 'development', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const bootMs = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('gateway listening')) resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
    child.once('exit', (code) => reject(new Error(`gateway exited ${code}: ${output.slice(-500)}`)));
  });
  await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ __typename }"}',
  });
  await new Promise((r) => setTimeout(r, 3000));
  const idleRss = rssMb(child.pid);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { bootMs, idleRss };
}

const results = [];
for (let i = 0; i < runs; i += 1) results.push(await once());
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  JSON.stringify(
    {
      machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      runs,
      bootMsMedian: Math.round(median(results.map((r) => r.bootMs))),
      bootMsMax: Math.round(Math.max(...results.map((r) => r.bootMs))),
      idleRssMbMedian: Math.round(median(results.map((r) => r.idleRss))),
    },
    null,
    2,
  ),
);
