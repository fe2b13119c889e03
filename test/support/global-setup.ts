import { DataSource } from 'typeorm';
// Global setup runs outside Jest's module mapper: import the plain files, not @app/platform.
import { loadConfig } from '../../libs/platform/src/config/load-config';
import { dataSourceOptions } from '../../libs/platform/src/database/data-source-options';
import { runMigrationsLocked } from '../../libs/platform/src/database/run-migrations';

/**
 * Runs once before the integration and e2e tests: refuses any database whose name has no _test
 * part (so the demo database is never touched), then applies the migrations. Tests create their own
 * uniquely named data, so they never need to truncate and can run side by side.
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const name = new URL(config.DATABASE_URL).pathname.slice(1);
  if (!/_test($|_)/.test(name)) {
    throw new Error(`e2e tests need a database whose name contains _test; DATABASE_URL names "${name}" (run scripts/test.sh)`);
  }
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
