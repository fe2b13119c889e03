import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, runMigrationsLocked } from '@app/platform';
import { Fixtures } from '../support/fixtures';
import { useGateway } from '../support/gateway-harness';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres';
import { uniqueId } from '../support/test-config';
import { waitFor } from '../support/tor-fixtures';
import { reportSecurityFigure } from '../support/security-report';

const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`;

/**
 * PostgreSQL restarted (immediate shutdown: connections cut) in the middle of a stream of
 * mutations: the gateway answers errors while it is down, recovers by itself, and every
 * mutation that reported success is in the database.
 */
describe('fault: PostgreSQL restarts under load', () => {
  let postgres: ThrowawayPostgres;
  let fixtures: Fixtures;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    const config = loadConfig({ ...process.env, DATABASE_URL: postgres.url, LOG_LEVEL: 'silent' });
    const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    await runMigrationsLocked(dataSource);
    await dataSource.destroy();
  });
  const gateway = useGateway(() => ({ DATABASE_URL: postgres.url, MUTATION_RATE_LIMIT: '0' }));
  beforeAll(() => {
    fixtures = new Fixtures(gateway.config);
  });
  afterAll(async () => {
    await fixtures?.close();
    await postgres?.destroy();
  });

  it('loses no acknowledged mutation and recovers without a restart', async () => {
    const initiative = await fixtures.initiative();
    const { token } = await fixtures.person(initiative.id, 'SECRETARIAT');
    const acknowledged: string[] = [];
    const failedCodes: string[] = [];
    let sent = 0;
    let stop = false;

    const stream = (async () => {
      while (!stop) {
        const name = `Org ${uniqueId()}`;
        sent += 1;
        try {
          const result = await gateway.gql<{ createOrganization: { name: string } }>(
            CREATE_ORG,
            { input: { name, kind: 'CITY' } },
            token,
          );
          if (result.data?.createOrganization) acknowledged.push(result.data.createOrganization.name);
          else failedCodes.push(result.errors?.[0].extensions.code ?? `HTTP ${result.status}`);
        } catch (error) {
          failedCodes.push(`fetch: ${(error as Error).message}`);
        }
      }
    })();

    let beforeRestart: number;
    let duringOutage: number;
    let recoveredFrom: number;
    try {
      // Driven by what the stream sees, not by the clock: a few acknowledged, then refusals while down.
      await waitFor(async () => acknowledged.length >= 3, 30_000);
      beforeRestart = acknowledged.length;
      await postgres.stop();
      await waitFor(async () => failedCodes.length >= 3, 30_000);
      duringOutage = failedCodes.length;
      await postgres.start();

      // Recovery: a new mutation succeeds again (within 45 s on a busy machine), with no gateway restart.
      const deadline = Date.now() + 45_000;
      recoveredFrom = acknowledged.length;
      while (acknowledged.length === recoveredFrom && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      stop = true;
      await stream;
    }

    fixtures.pool.end().catch(() => undefined);
    fixtures = new Fixtures(gateway.config);
    const stored = new Set(
      (await fixtures.query<{ name: string }>(`SELECT name FROM organization WHERE name = ANY($1)`, [acknowledged])).map(
        (r) => r.name,
      ),
    );
    const lost = acknowledged.filter((name) => !stored.has(name));
    reportSecurityFigure(
      `fault postgres-restart: ${sent} mutations sent, ${acknowledged.length} acknowledged, ${failedCodes.length} refused during the outage, lost: ${lost.length}`,
    );
    expect(beforeRestart).toBeGreaterThan(0);
    expect(duringOutage).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(recoveredFrom);
    expect(failedCodes.every((code) => code === 'INTERNAL_SERVER_ERROR')).toBe(true);
    expect(lost).toEqual([]);
    const ready = await fetch(`${gateway.url}/health/ready`);
    expect(ready.status).toBe(200);
  }, 150_000);
});
