import { useGateway } from '../support/gateway-harness';
import { startThrowawayRedis } from '../support/processes';

/** Polls /health/ready until it answers `status`, or fails after timeoutMs. */
async function readyStatus(url: string, status: number, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${url}/health/ready`);
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status === status) return body;
    if (Date.now() > deadline) throw new Error(`/health/ready stayed ${response.status}: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('readiness follows Redis', () => {
  let redis: Awaited<ReturnType<typeof startThrowawayRedis>>;

  beforeAll(async () => {
    redis = await startThrowawayRedis();
  });
  const gateway = useGateway(() => ({ REDIS_URL: redis.url }));
  afterAll(() => redis.stop());

  it('turns 503 naming Redis when it stops, and 200 again by itself when it returns', async () => {
    expect(await readyStatus(gateway.url, 200)).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });

    await redis.stop();
    const down = await readyStatus(gateway.url, 503);
    expect(down).toMatchObject({ failing: ['redis'], checks: { postgres: 'up', redis: 'down' } });

    await redis.start();
    expect(await readyStatus(gateway.url, 200)).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });
});
