import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

/**
 * The one description of our PostgreSQL connection, shared by the apps (through
 * DatabaseModule), the CLI and the TypeORM CLI (apps/cli/src/data-source.ts).
 * Never `synchronize`: the schema comes from the checked-in migrations only.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    extra: {
      max: config.DATABASE_POOL_SIZE,
      // Fail fast instead of queueing forever when PostgreSQL is gone; pg reconnects by itself.
      connectionTimeoutMillis: 5000,
      application_name: 'wgcollab',
    },
  };
}
