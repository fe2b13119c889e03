import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrationsLocked } from '@app/platform';
import { testConfig, uniqueId } from './test-config';

/** Part of the name of every database made by useDatabaseOfItsOwn(). */
const OWN = '_own_';

export const isDatabaseOfItsOwn = (databaseUrl: string): boolean => new URL(databaseUrl).pathname.includes(OWN);

async function onServer(databaseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A worker reconciles every row of its database: it plans every unprocessed outbox event,
 * fires every due reminder and e-mails every unsent notification, whoever wrote them. On the
 * shared test database it would act on what other test files left behind (and those files'
 * rows are theirs, not to be rewritten), so a test file that starts a worker runs on a
 * database of its own, created and migrated before the file's tests and dropped after them.
 *
 * Call it at the top level of the file, outside any `describe`: its hooks then run before and
 * after every hook of the file's blocks. It points the file's `process.env.DATABASE_URL` (Jest
 * gives each test file a copy of `process.env`) at the new database, so every helper that
 * reads the configuration then (`testConfig`, `useGateway`, `useFixtures`, `startWorker`)
 * uses it.
 */
export function useDatabaseOfItsOwn(): void {
  const shared = process.env.DATABASE_URL;
  let own: { url: string; name: string } | null = null;
  beforeAll(async () => {
    const url = new URL(testConfig().DATABASE_URL);
    const name = `${url.pathname.slice(1)}${OWN}${uniqueId()}`;
    await onServer(url.toString(), `CREATE DATABASE "${name}"`);
    url.pathname = `/${name}`;
    own = { url: url.toString(), name };
    const dataSource = await new DataSource(dataSourceOptions(testConfig({ DATABASE_URL: own.url }))).initialize();
    try {
      await runMigrationsLocked(dataSource);
    } finally {
      await dataSource.destroy();
    }
    process.env.DATABASE_URL = own.url;
  });
  afterAll(async () => {
    if (shared === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = shared;
    if (own) await onServer(testConfig().DATABASE_URL, `DROP DATABASE IF EXISTS "${own.name}" WITH (FORCE)`);
    own = null;
  });
}
