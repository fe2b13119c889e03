import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked } from '@app/platform';
import type { Command } from './command';

/** Applies pending migrations (under the same advisory lock the apps use on boot). */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations',
  async run({ config, logger }) {
    const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    try {
      const applied = await runMigrationsLocked(dataSource);
      logger.info({ applied: applied.map((m) => m.name) }, applied.length ? 'migrations applied' : 'database is up to date');
      return 0;
    } finally {
      await dataSource.destroy();
    }
  },
};
