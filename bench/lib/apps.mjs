// Starts the built apps (dist/apps/<app>/src/main.js) as real processes, like test/support/processes.ts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { vmStatus } from './common.mjs';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const started = new Set();
// Never leave a started app behind, whatever happens to the bench process.
process.on('exit', () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

export function startBuiltApp(app, env, nodeArgs = []) {
  const entry = join(process.cwd(), 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  const keep = (chunk) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  // Peak resident memory: VmHWM at the end, and VmRSS polled (whichever is higher).
  let peakRss = 0;
  const poll = setInterval(() => {
    const rss = vmStatus(child.pid, 'VmRSS');
    if (rss && rss > peakRss) peakRss = rss;
  }, 250);
  poll.unref();
  return {
    child,
    output: () => output,
    async waitFor(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (child.exitCode !== null) throw new Error(`${app} exited before printing ${pattern}:\n${output.slice(-3000)}`);
        if (Date.now() > deadline)
          throw new Error(`${app} did not print ${pattern} within ${timeoutMs} ms:\n${output.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    peakRssMb() {
      const hwm = vmStatus(child.pid, 'VmHWM');
      return Math.round(Math.max(peakRss, hwm ?? 0));
    },
    async stop() {
      clearInterval(poll);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
