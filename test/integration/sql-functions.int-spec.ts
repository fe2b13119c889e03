import { DataSource } from 'typeorm';
import { dataSourceOptions, rows } from '@app/platform';
import { SQL_FUNCTIONS } from '../../libs/platform/src/database/functions';
import { testConfig } from '../support/test-config';

/** The body of a `CREATE OR REPLACE FUNCTION ... AS $fn$ body $fn$` statement. */
function bodyOf(sql: string): string {
  const match = /\$fn\$([\s\S]*)\$fn\$/.exec(sql);
  if (!match) throw new Error(`No $fn$ body in ${sql.slice(0, 80)}`);
  return match[1];
}

/** The migrated schema runs the SQL functions exactly as libs/platform/src/database/functions.ts writes them. */
describe('sql functions', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(testConfig())).initialize();
  });
  afterAll(() => dataSource.destroy());

  it.each(SQL_FUNCTIONS.map((fn) => [fn.name, fn] as const))('%s has the body of functions.ts', async (name, fn) => {
    const found = await rows<{ body: string }>(
      dataSource,
      `SELECT prosrc AS body FROM pg_proc WHERE proname = $1 AND pronamespace = current_schema()::regnamespace`,
      [name],
    );
    expect(found).toEqual([{ body: bodyOf(fn.sql) }]);
  });

  it('runs cast_vote() with the setting that lets it, and only it, write current_vote', async () => {
    const [castVote] = await rows<{ config: string[] }>(
      dataSource,
      `SELECT proconfig AS config FROM pg_proc WHERE proname = 'cast_vote' AND pronamespace = current_schema()::regnamespace`,
    );
    expect(castVote.config).toEqual(['wgcollab.cast_vote=on']);
  });
});
