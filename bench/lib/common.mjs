// Shared helpers of the bench scripts (plain Node ESM, no build step).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { execSync } from 'node:child_process';

export const LARGE_SLUG = 'bench-large';
export const GROUPS = 50;
export const PEOPLE = 5000;
export const ITEMS_PER_GROUP = 2000;
export const ELECTORS = 1000;
/** Group members beyond the electorate (OBSERVERs). */
export const OBSERVERS = 20;
/** Seeded ballots 1..CLOSED_BALLOTS are CLOSED, the others OPEN. */
export const CLOSED_BALLOTS = 40;

/** PostgreSQL's md5(text)::uuid, computed in Node: deterministic ids both sides agree on. */
export function mdUuid(text) {
  const h = createHash('md5').update(text, 'utf8').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const personId = (n) => mdUuid(`p-${n}`);
export const groupId = (g) => mdUuid(`wg-${g}`);
export const planId = (g) => mdUuid(`wp-${g}`);
export const torId = (g) => mdUuid(`tor-${g}`);
export const ballotId = (g) => mdUuid(`ballot-${g}`);
export const initiativeId = () => mdUuid('init-large');
/** Person number of member k (0-based) of group g: a sliding window over people 2..PEOPLE. */
export const memberNo = (g, k) => 2 + (((g - 1) * 100 + k) % (PEOPLE - 1));
/** SQL form of memberNo (g and k are SQL expressions). */
export const memberNoSql = (g, k) => `(2 + ((((${g}) - 1) * 100 + (${k})) % ${PEOPLE - 1}))`;

// The receipt chain: the one Node implementation of the record encoding (tools/verify-ballot.mjs).
export { genesisHash, recordHash, sha256Hex } from '../../tools/verify-ballot.mjs';

export function machine() {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  cpuModel = cpuModel.replace(/\s+/g, ' ').trim();
  return { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), cpu: cpuModel, node: process.version };
}

export function commit() {
  try {
    const sha = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty =
      execSync('git status --porcelain', { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() !== '';
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

export function vmStatus(pid, field) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : null;
  } catch {
    return null;
  }
}

export const log = (...args) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux only; null elsewhere). */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by the PostgreSQL processes that work for `database` (its backends, and
 * the server's own processes: WAL writer, checkpointer, ...), by pid. Backends of other databases
 * (tests running beside the bench) are left out.
 */
export function postgresCpuByPid(database) {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const backend = /\d+\.\d+\.\d+\.\d+\(\d+\)|\[local\]/.test(title);
      if (backend && !title.includes(` ${database} `)) continue;
      byPid.set(entry, cpuSeconds(entry) ?? 0);
    } catch {}
  }
  return byPid;
}

/**
 * Where the CPU of a measured run went: call before it, then call the result with the number of
 * requests. Gives milliseconds of gateway and of PostgreSQL CPU per request (all cores together).
 * PostgreSQL's figure counts the processes alive at the end (a backend that exited meanwhile is
 * missed: the gateway's pool keeps its connections, so that is rare).
 */
export function cpuMeter(gatewayPid, database = 'wgcollab_bench') {
  const g0 = cpuSeconds(gatewayPid);
  const p0 = postgresCpuByPid(database);
  return (requests) => {
    const g = cpuSeconds(gatewayPid);
    if (g0 === null || g === null || !requests) return null;
    let pg = 0;
    for (const [pid, seconds] of postgresCpuByPid(database)) pg += seconds - (p0.get(pid) ?? 0);
    const round = (s) => Math.round(((s * 1000) / requests) * 100) / 100;
    return { gatewayMsPerRequest: round(g - g0), postgresMsPerRequest: round(pg) };
  };
}
