import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { createLogger } from '@app/platform';
import { kpisCommand } from '../../apps/cli/src/kpis.command';
import { useFixtures } from '../support/fixtures';
import { testConfig } from '../support/test-config';

const HEADER = 'code,name,dimension,subDimension,category,level,definition,unit';

/** `cli kpis import <slug> <file>`: JSON and CSV catalogues, bad rows by line, nothing imported then. */
describe('CLI: kpis import', () => {
  const logger = createLogger('silent', 'cli');
  const fx = useFixtures();
  const dir = mkdtempSync(join(tmpdir(), 'kpis-'));

  async function run(args: string[]) {
    const out: string[] = [];
    const spies = [process.stdout, process.stderr].map((stream) =>
      jest.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array) => {
        out.push(String(chunk));
        return true;
      }) as typeof stream.write),
    );
    try {
      const code = await kpisCommand.run({ config: testConfig(), logger, args });
      return { code, out: out.join('') };
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  }
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const stored = (initiativeId: string) =>
    fx.query(`SELECT code, name, dimension, level, unit FROM kpi WHERE initiative_id = $1 ORDER BY code`, [initiativeId]);

  it('imports a CSV catalogue, then finds the same file unchanged', async () => {
    const { id, slug } = await fx.initiative();
    const csv = file(
      'good.csv',
      `${HEADER}\nEN:EN:AQ:1C,"Air Pollution, PM2.5",Environment,Environment,Air Quality,CORE,,µg/m3\r\nSC:EH:ED:1A,Éducation,Society and Culture,Education,Education,ADVANCED,,\n`,
    );
    expect(await run(['import', slug, csv])).toEqual({ code: 0, out: `${slug}: 2 created, 0 updated, 0 unchanged.\n` });
    expect(await run(['import', slug, csv])).toEqual({ code: 0, out: `${slug}: 0 created, 0 updated, 2 unchanged.\n` });
    expect(await stored(id)).toEqual([
      { code: 'EN:EN:AQ:1C', name: 'Air Pollution, PM2.5', dimension: 'ENVIRONMENT', level: 'CORE', unit: 'µg/m3' },
      { code: 'SC:EH:ED:1A', name: 'Éducation', dimension: 'SOCIETY_AND_CULTURE', level: 'ADVANCED', unit: null },
    ]);
  });

  it('imports a JSON catalogue and updates by code', async () => {
    const { id, slug } = await fx.initiative();
    const entry = { code: 'EC:1C', name: 'One', dimension: 'ECONOMY', subDimension: 'S', category: 'C', level: 'CORE' };
    expect((await run(['import', slug, file('one.json', JSON.stringify([entry]))])).code).toBe(0);
    const renamed = file(
      'renamed.json',
      JSON.stringify({
        kpis: [
          { ...entry, name: 'Renamed' },
          { ...entry, code: 'EC:2C' },
        ],
      }),
    );
    expect(await run(['import', slug, renamed])).toEqual({ code: 0, out: `${slug}: 1 created, 1 updated, 0 unchanged.\n` });
    expect((await stored(id)).map((r) => [r.code, r.name])).toEqual([
      ['EC:1C', 'Renamed'],
      ['EC:2C', 'One'],
    ]);
  });

  it('reports bad rows by line number and imports nothing', async () => {
    const { id, slug } = await fx.initiative();
    const csv = file(
      'bad.csv',
      [
        HEADER,
        'EC:1C,Good,ECONOMY,S,C,CORE,,',
        'EC:2C,,ECONOMY,S,C,CORE,,',
        'EC:3C,Three,MOON,S,C,CORE,,',
        'EC:1C,Again,ECONOMY,S,C,CORE,,',
      ].join('\n'),
    );
    expect(await run(['import', slug, csv])).toEqual({
      code: 1,
      out:
        `${csv}: line 3: name is required\n` +
        `${csv}: line 4: dimension must be one of ECONOMY, ENVIRONMENT, SOCIETY_AND_CULTURE\n` +
        `${csv}: line 5: code repeats the code of KPI 1\n` +
        'Nothing was imported.\n',
    });
    expect(await stored(id)).toEqual([]);
  });

  it('refuses an unknown initiative, a missing file and bad usage', async () => {
    const csv = file('one.csv', `${HEADER}\nEC:1C,One,ECONOMY,S,C,CORE,,\n`);
    expect(await run(['import', 'no-such-initiative', csv])).toEqual({
      code: 1,
      out: 'No initiative has the slug "no-such-initiative"; nothing was imported.\n',
    });
    expect((await run(['import', 'x', join(dir, 'missing.csv')])).code).toBe(2);
    expect((await run(['export', 'x', csv])).code).toBe(2);
    expect((await run(['import', 'x'])).code).toBe(2);
  });
});
