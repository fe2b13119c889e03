import { CoalescingRunner } from './coalescing-runner';

/** A task whose runs the test finishes by hand. */
function manualTask() {
  const runs: (() => void)[] = [];
  const task = () => new Promise<void>((resolve) => runs.push(resolve));
  return { task, runs };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('CoalescingRunner', () => {
  it('runs once more after a run, however many requests came during it, never twice at once', async () => {
    const { task, runs } = manualTask();
    const runner = new CoalescingRunner(task, () => undefined);
    const first = runner.request();
    const during = [runner.request(), runner.request(), runner.request()];
    await tick();
    expect(runs).toHaveLength(1);
    runs[0]();
    await tick();
    expect(runs).toHaveLength(2);
    runs[1]();
    await Promise.all([first, ...during]);
    expect(runs).toHaveLength(2);
  });

  it('retries a failed run after retryMs, and reports the failure', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const runner = new CoalescingRunner(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database away');
      },
      (error) => errors.push(error),
      10,
    );
    await runner.request();
    expect(errors).toHaveLength(1);
    for (let i = 0; i < 2000 && calls < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(2);
    runner.stop();
  });

  it('does nothing once stopped', async () => {
    let calls = 0;
    const runner = new CoalescingRunner(
      async () => void (calls += 1),
      () => undefined,
    );
    runner.stop();
    await runner.request();
    expect(calls).toBe(0);
  });
});
