import { createHash } from 'node:crypto';
import { DEMO_INITIATIVE_TOR } from '../../apps/cli/src/seed/demo-terms.seed';
import { type DemoSeeder, startDemoSeeder } from '../support/demo-seeder';
import { ok } from '../support/tor-fixtures';

/** The demo seed's terms of reference: a DRAFT for the initiative and one per group, idempotently. */
describe('demo seed: terms of reference', () => {
  let seeder: DemoSeeder;
  let gw: DemoSeeder['gw'];
  let fx: DemoSeeder['fx'];
  const seed = () => seeder.seed();

  beforeAll(async () => {
    seeder = await startDemoSeeder();
    ({ gw, fx } = seeder);
  });
  afterAll(() => seeder?.close());

  it('creates version 1 drafts with their authors, and a second run changes nothing', async () => {
    await seed();
    const snapshot = () =>
      fx.query(
        `SELECT coalesce(g.code, '-') AS code, t.id, t.status, v.number, v.content_hash, lower(p.email) AS author
           FROM initiative i JOIN terms_of_reference t ON t.initiative_id = i.id
           LEFT JOIN working_group g ON g.id = t.working_group_id
           JOIN tor_version v ON v.tor_id = t.id JOIN person p ON p.id = v.author_id
          WHERE i.slug = 'u4ssc' ORDER BY code, v.number`,
      );
    const first = await snapshot();
    await seed();
    expect(await snapshot()).toEqual(first);
    expect(first.map((r) => [r.code, r.status, r.number, r.author])).toEqual([
      ['-', 'DRAFT', 1, 'secretariat@u4ssc.example'],
      ['WG1', 'DRAFT', 1, 'chair.wg1@u4ssc.example'],
      ['WG2', 'DRAFT', 1, 'chair.wg2@u4ssc.example'],
      ['WG3', 'DRAFT', 1, 'chair.wg3@u4ssc.example'],
    ]);
    expect(first[0].content_hash).toBe(createHash('sha256').update(DEMO_INITIATIVE_TOR).digest('hex'));
    for (const heading of ['Purpose', 'Membership', 'Structure', 'Decision making', 'Working groups', 'Meetings']) {
      expect(DEMO_INITIATIVE_TOR).toContain(heading);
    }

    const [observer] = await fx.query<{ id: string }>(`SELECT id FROM person WHERE lower(email) = 'observer@u4ssc.example'`);
    const data = ok(
      await gw.gql(
        `{ initiative(slug: "u4ssc") { termsOfReference { status currentVersion { number } } workingGroups { code termsOfReference { status } } } }`,
        {},
        fx.token(observer.id),
      ),
    );
    expect(data.initiative.termsOfReference).toEqual({ status: 'DRAFT', currentVersion: { number: 1 } });
    expect(data.initiative.workingGroups).toEqual([
      { code: 'WG1', termsOfReference: { status: 'DRAFT' } },
      { code: 'WG2', termsOfReference: { status: 'DRAFT' } },
      { code: 'WG3', termsOfReference: { status: 'DRAFT' } },
    ]);
  });
});
