import { DataSource } from 'typeorm';
import { dataSourceOptions, one, rows, updated } from '@app/platform';
import { uniqueId, testConfig } from '../support/test-config';

/**
 * The repositories' door to PostgreSQL (libs/platform/src/database/sql.ts) against the real
 * driver: whatever shape TypeORM gives a statement, callers get rows.
 */
describe('sql helpers: rows, one, updated', () => {
  let dataSource: DataSource;
  const table = `sql_helpers_${uniqueId()}`;

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(testConfig())).initialize();
    await dataSource.query(`CREATE TABLE ${table} (id int PRIMARY KEY, name text NOT NULL)`);
  });
  afterAll(async () => {
    await dataSource.query(`DROP TABLE ${table}`);
    await dataSource.destroy();
  });

  it('gives the rows of an INSERT ... RETURNING and of a SELECT', async () => {
    const inserted = await rows<{ id: number }>(
      dataSource,
      `INSERT INTO ${table} (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c') RETURNING id`,
    );
    expect(inserted).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(await rows<{ name: string }>(dataSource, `SELECT name FROM ${table} WHERE id > $1 ORDER BY id`, [1])).toEqual([
      { name: 'b' },
      { name: 'c' },
    ]);
  });

  it('gives the first row or null', async () => {
    expect(await one<{ name: string }>(dataSource, `SELECT name FROM ${table} WHERE id = $1`, [2])).toEqual({ name: 'b' });
    expect(await one(dataSource, `SELECT name FROM ${table} WHERE id = $1`, [99])).toBeNull();
  });

  it('gives the changed rows of UPDATE and DELETE ... RETURNING, not the driver’s [rows, count]', async () => {
    const renamed = await updated<{ id: number; name: string }>(
      dataSource,
      `UPDATE ${table} SET name = upper(name) WHERE id <= $1 RETURNING id, name`,
      [2],
    );
    expect(renamed.sort((x, y) => x.id - y.id)).toEqual([
      { id: 1, name: 'A' },
      { id: 2, name: 'B' },
    ]);
    expect(await updated(dataSource, `UPDATE ${table} SET name = 'x' WHERE id = 99 RETURNING id`)).toEqual([]);
    expect(await updated<{ id: number }>(dataSource, `DELETE FROM ${table} WHERE id = 3 RETURNING id`)).toEqual([{ id: 3 }]);
    // Inside a transaction, through its EntityManager, the same.
    await dataSource.transaction(async (m) => {
      expect(await updated<{ id: number }>(m, `UPDATE ${table} SET name = 'y' WHERE id = 1 RETURNING id`)).toEqual([{ id: 1 }]);
      expect(await one<{ name: string }>(m, `SELECT name FROM ${table} WHERE id = 1`)).toEqual({ name: 'y' });
    });
  });
});
