import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
export const MAIL_DIR = resolve(ROOT, '.data/web-tests/mail');

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with npm run test:web (scripts/test-web.sh)`);
  return value;
}

async function waitUntilReady(url: string, processes: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const exited = processes.find((child) => child.exitCode !== null);
    if (exited) throw new Error(`${exited.spawnargs.join(' ')} exited with status ${exited.exitCode} during start-up`);
    const ready = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((wake) => setTimeout(wake, 250));
  }
  throw new Error(`the gateway did not answer ${url}/health/ready within 120 s`);
}

/**
 * Starts the built gateway and a worker (dist/, as `npm run start:*` runs them) on a free port
 * against the browser tests' own database (migrated and seeded by scripts/test-web.sh), with
 * e-mails written as files under .data/web-tests/mail. Returns the teardown that stops both.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = await freePort();
  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    DATABASE_URL: required('WEB_TEST_DATABASE_URL'),
    REDIS_URL: required('WEB_TEST_REDIS_URL'),
    QUEUE_PREFIX: `web${port}`,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    MAIL_DIR,
    SMTP_URL: '',
    LOG_LEVEL: process.env.WEB_TEST_LOG ?? 'warn',
    // Many sign-ins and votes from one machine in a few minutes.
    MUTATION_RATE_LIMIT: '0',
  };
  delete (env as Record<string, string | undefined>).SMTP_URL;
  const start = (app: string) =>
    spawn(process.execPath, [`dist/apps/${app}/src/main.js`], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const processes = [start('worker'), start('gateway')];
  const baseURL = `http://127.0.0.1:${port}`;
  await waitUntilReady(baseURL, processes);
  process.env.WEB_TEST_BASE_URL = baseURL;
  return async () => {
    await Promise.all(
      processes.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      ),
    );
  };
}
