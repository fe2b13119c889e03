import { DataSource } from 'typeorm';
import { hashPassword } from '@app/identity';
import { dataSourceOptions } from '@app/platform';
import { DEMO_SEED_STEPS } from '../../apps/cli/src/seed';
import { Fixtures } from './fixtures';
import { startGateway, type GatewayUnderTest } from './gateway-harness';

export interface DemoSeeder {
  gw: GatewayUnderTest;
  fx: Fixtures;
  /** Runs every demo seed step in one transaction, as `npm run seed` does. */
  seed(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A gateway and the demo seed steps. The accounts get the real hash of DEMO_PASSWORD:
 * whichever seed test runs first creates them, and test/e2e/cli-structure signs in with them.
 */
export async function startDemoSeeder(): Promise<DemoSeeder> {
  const gw = await startGateway();
  const fx = new Fixtures(gw.config);
  const dataSource = await new DataSource(dataSourceOptions(gw.config)).initialize();
  const passwordHash = await hashPassword(gw.config.DEMO_PASSWORD);
  return {
    gw,
    fx,
    seed: () =>
      dataSource.transaction(async (m) => {
        for (const step of DEMO_SEED_STEPS) await step.run(m, { config: gw.config, passwordHash });
      }),
    close: async () => {
      await dataSource.destroy();
      await fx.close();
      await gw.close();
    },
  };
}
