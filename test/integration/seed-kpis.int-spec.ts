import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useDemoSeeder } from '../support/demo-seeder';

/** The shared data file the demo seed imports. */
const KPI_FILE = join(process.cwd(), '..', 'shared', 'data', 'u4ssc-kpis.json');

/** The demo seed's KPI catalogue: the file's own figures, and a second run changes nothing. */
describe('demo seed: KPI catalogue', () => {
  const { fx, seed } = useDemoSeeder();

  it('imports the 91 U4SSC KPIs of the shared file (59 core, 32 advanced), idempotently', async () => {
    await seed();
    const snapshot = () =>
      fx.query<{ code: string; xmin: string }>(
        `SELECT k.code, k.xmin::text FROM kpi k JOIN initiative i ON i.id = k.initiative_id WHERE i.slug = 'u4ssc' ORDER BY k.code`,
      );
    const links = () =>
      fx.query(
        `SELECT k.code, count(*)::int AS items FROM work_item_kpi l JOIN kpi k ON k.id = l.kpi_id JOIN initiative i ON i.id = k.initiative_id
          WHERE i.slug = 'u4ssc' GROUP BY k.code ORDER BY k.code`,
      );
    const first = await snapshot();
    const firstLinks = await links();
    await seed();
    expect(await snapshot()).toEqual(first);
    expect(await links()).toEqual(firstLinks);
    expect(firstLinks).toEqual([
      { code: 'EC:ICT:PS:1A', items: 2 },
      { code: 'EC:ICT:PS:2A', items: 1 },
      { code: 'SC:SH:SI:4C', items: 1 },
    ]);

    const file = JSON.parse(readFileSync(KPI_FILE, 'utf8')) as { kpis: { code: string; name: string }[] };
    expect(first.map((r) => r.code)).toEqual(file.kpis.map((k) => k.code).sort());
    const figures = await fx.query(
      `SELECT k.dimension, k.level, count(*)::int AS n FROM kpi k JOIN initiative i ON i.id = k.initiative_id
        WHERE i.slug = 'u4ssc' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(figures).toEqual([
      { dimension: 'ECONOMY', level: 'ADVANCED', n: 19 },
      { dimension: 'ECONOMY', level: 'CORE', n: 26 },
      { dimension: 'ENVIRONMENT', level: 'ADVANCED', n: 5 },
      { dimension: 'ENVIRONMENT', level: 'CORE', n: 12 },
      { dimension: 'SOCIETY_AND_CULTURE', level: 'ADVANCED', n: 8 },
      { dimension: 'SOCIETY_AND_CULTURE', level: 'CORE', n: 21 },
    ]);
    const [household] = await fx.query(
      `SELECT k.name, k.sub_dimension, k.category, k.definition, k.unit FROM kpi k JOIN initiative i ON i.id = k.initiative_id
        WHERE i.slug = 'u4ssc' AND k.code = 'EC:ICT:ICT:1C'`,
    );
    expect(household).toEqual({
      name: 'Household Internet Access',
      sub_dimension: 'ICT',
      category: 'ICT Infrastructure',
      definition: null,
      unit: null,
    });
  });
});
