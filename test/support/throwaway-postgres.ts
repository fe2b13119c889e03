import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes';

const binDir = (() => {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  return version ? join(root, version, 'bin') : '';
})();

const asRoot = process.getuid?.() === 0;
const pgUser = (() => {
  try {
    return asRoot
      ? {
          uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
          gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
        }
      : null;
  } catch {
    return null;
  }
})();

/** Runs a PostgreSQL binary; as root it runs as the postgres user (the server refuses root). */
function run(binary: string, args: string[]): void {
  const file = join(binDir, binary);
  if (asRoot)
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map((a) => `'${a}'`).join(' ')], { stdio: 'pipe' });
  else execFileSync(file, args, { stdio: 'pipe' });
}

/** A folder the server's user can write: .data/ in the checkout, else the system temp folder. */
function clusterDir(port: number): string {
  for (const base of [join(process.cwd(), '.data'), tmpdir()]) {
    const dir = join(base, `pg-${port}`);
    mkdirSync(dir, { recursive: true });
    if (pgUser) chownSync(dir, pgUser.uid, pgUser.gid);
    chmodSync(dir, 0o700);
    try {
      if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', `test -w '${dir}'`]);
      return dir;
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  throw new Error('no folder the postgres user can write');
}

export interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of its own on a spare port (initdb, trust auth), for tests that stop
 * or restart the database: the machine's shared server is never touched.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (!binDir) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  const port = await freePort();
  const dir = clusterDir(port);
  run('initdb', ['-D', dir, '--auth=trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const ctl = (...args: string[]) => run('pg_ctl', ['-D', dir, '-w', '-l', join(dir, 'server.log'), ...args]);
  const start = async () => ctl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start');
  const stop = async () => ctl('-m', 'immediate', 'stop');
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    destroy: async () => {
      try {
        await stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
