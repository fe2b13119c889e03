import { DataSource } from 'typeorm';
import { hashPassword } from '@app/identity';
import { dataSourceOptions, runMigrationsLocked } from '@app/platform';
import type { Command } from './command';
import { DEMO_SEED_STEPS } from './seed';

/** Loads the U4SSC demo data; refused in production. Idempotent: a second run changes nothing. */
export const seedCommand: Command = {
  name: 'seed',
  summary: 'load the U4SSC demo data (refused when NODE_ENV=production)',
  async run({ config, logger }) {
    if (config.isProduction) {
      logger.error('seed refuses to run when NODE_ENV=production');
      return 1;
    }
    const passwordHash = await hashPassword(config.DEMO_PASSWORD);
    const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    try {
      await runMigrationsLocked(dataSource);
      await dataSource.transaction(async (m) => {
        for (const step of DEMO_SEED_STEPS) {
          logger.info(`demo seed: ${step.name}`);
          await step.run(m, { config, passwordHash });
        }
      });
      logger.info({ steps: DEMO_SEED_STEPS.length }, 'demo seed loaded');
      return 0;
    } finally {
      await dataSource.destroy();
    }
  },
};
