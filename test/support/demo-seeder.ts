import { DataSource } from 'typeorm';
import { hashPassword } from '@app/identity';
import { type AppConfig, dataSourceOptions } from '@app/platform';
import { DEMO_SEED_STEPS } from '../../apps/cli/src/seed';
import { type Fixtures, useFixtures } from './fixtures';
import { testConfig } from './test-config';

export interface DemoSeeder {
  fx: Fixtures;
  /** Runs every demo seed step in one transaction, as `npm run seed` does. */
  seed(): Promise<void>;
}

/**
 * The demo seed steps for the tests of the calling block (a data source opened in `beforeAll`,
 * closed in `afterAll`). The accounts get the real hash of DEMO_PASSWORD: whichever seed test
 * runs first creates them, and test/e2e/cli-structure signs in with them.
 */
export function useDemoSeeder(): DemoSeeder {
  const fx = useFixtures();
  let opened: { config: AppConfig; dataSource: DataSource; passwordHash: string } | null = null;
  beforeAll(async () => {
    const config = testConfig();
    opened = {
      config,
      dataSource: await new DataSource(dataSourceOptions(config)).initialize(),
      passwordHash: await hashPassword(config.DEMO_PASSWORD),
    };
  });
  afterAll(async () => {
    await opened?.dataSource.destroy();
    opened = null;
  });
  return {
    fx,
    seed: async () => {
      if (!opened) throw new Error('useDemoSeeder(): seed only inside the tests of the block that called it');
      const { config, dataSource, passwordHash } = opened;
      await dataSource.transaction(async (m) => {
        for (const step of DEMO_SEED_STEPS) await step.run(m, { config, passwordHash });
      });
    },
  };
}
