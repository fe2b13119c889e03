import type { DataSource, Migration } from 'typeorm';
import { one } from './sql';

/** Arbitrary constant key of the advisory lock that serialises migrations across replicas. */
const MIGRATION_LOCK_KEY = 7_216_2016;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so that several
 * gateways and workers booting at once run each migration exactly once: the first takes
 * the lock and migrates, the others wait, then find nothing pending.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await one(runner, 'SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await one(runner, 'SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
