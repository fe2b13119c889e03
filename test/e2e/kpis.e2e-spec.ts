import { useFixtures } from '../support/fixtures';
import { errorCodes, ok, useGateway } from '../support/gateway-harness';
import { CATALOGUE, GET_KPI, IMPORT_KPIS, importKpis, kpi, kpiIds, LINK_KPIS } from '../support/kpi-fixtures';
import { addItem, createPlan, planWorld, type PlanWorld } from '../support/work-plan-fixtures';

type Catalogue = {
  initiative: {
    kpis: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: { id: string; code: string; name: string; dimension: string; level: string } }[];
    };
  };
};

const CATALOGUE_FIXTURE = [
  kpi('EC:ICT:ICT:1C', { name: 'Household Internet Access' }),
  kpi('EC:ICT:ICT:2A', { name: 'Fixed Broadband Subscriptions', level: 'ADVANCED' }),
  kpi('EN:EN:AQ:1C', { name: 'Air Pollution', dimension: 'ENVIRONMENT', subDimension: 'Environment', category: 'Air Quality' }),
  kpi('SC:EH:ED:1C', {
    name: 'Société: Student ICT Access',
    dimension: 'SOCIETY_AND_CULTURE',
    subDimension: 'Education, Health and Culture',
    category: 'Education',
  }),
  kpi('SC:EH:ED:2A', {
    name: 'Adult 100% Literacy_Rate',
    dimension: 'SOCIETY_AND_CULTURE',
    subDimension: 'Education, Health and Culture',
    category: 'Education',
    level: 'ADVANCED',
    definition: 'Share of adults who can read and write.',
    unit: '%',
  }),
];

describe('KPI catalogue', () => {
  let w: PlanWorld;
  let slug: string;

  const gw = useGateway();
  const fx = useFixtures();
  beforeAll(async () => {
    w = await planWorld(fx);
    [{ slug }] = await fx.query<{ slug: string }>(`SELECT slug FROM initiative WHERE id = $1`, [w.initiativeId]);
    await importKpis(gw, w.secretariat.token, w.initiativeId, CATALOGUE_FIXTURE);
  });

  const rowsOf = (initiativeId: string) =>
    fx.query<{ code: string; xmin: string }>(`SELECT code, xmin::text FROM kpi WHERE initiative_id = $1 ORDER BY code`, [
      initiativeId,
    ]);
  const codes = (data: Catalogue) => data.initiative.kpis.edges.map((e) => e.node.code);
  const catalogue = async (variables: Record<string, unknown>, token = w.member.token) =>
    ok(await gw.gql<Catalogue>(CATALOGUE, { slug, ...variables }, token));

  describe('importKpis', () => {
    it('creates, then finds an identical import unchanged without writing a row, then updates what differs', async () => {
      const other = await fx.initiative();
      const secretariat = await fx.person(other.id, 'SECRETARIAT');
      const three = CATALOGUE_FIXTURE.slice(0, 3);
      expect(await importKpis(gw, secretariat.token, other.id, three)).toEqual({ created: 3, updated: 0, unchanged: 0 });
      const written = await rowsOf(other.id);

      expect(await importKpis(gw, secretariat.token, other.id, three)).toEqual({ created: 0, updated: 0, unchanged: 3 });
      expect(await rowsOf(other.id)).toEqual(written);

      const changed = [{ ...three[0], name: 'Household Internet Access (renamed)' }, three[1], three[2], kpi('EN:EN:NO:1A')];
      expect(await importKpis(gw, secretariat.token, other.id, changed)).toEqual({ created: 1, updated: 1, unchanged: 2 });
      const after = await rowsOf(other.id);
      expect(after.map((r) => r.code)).toEqual(['EC:ICT:ICT:1C', 'EC:ICT:ICT:2A', 'EN:EN:AQ:1C', 'EN:EN:NO:1A']);
      expect(after[0].xmin).not.toEqual(written[0].xmin);
      expect(after.slice(1, 3)).toEqual(written.slice(1, 3));
    });

    it('keeps codes per initiative: the same code in two initiatives is two KPIs', async () => {
      const other = await fx.initiative();
      const secretariat = await fx.person(other.id, 'SECRETARIAT');
      expect(await importKpis(gw, secretariat.token, other.id, [CATALOGUE_FIXTURE[0]])).toEqual({
        created: 1,
        updated: 0,
        unchanged: 0,
      });
      expect((await rowsOf(w.initiativeId)).length).toBe(CATALOGUE_FIXTURE.length);
    });

    it('refuses bad rows, naming each, and imports nothing', async () => {
      const other = await fx.initiative();
      const secretariat = await fx.person(other.id, 'SECRETARIAT');
      const result = await gw.gql(
        IMPORT_KPIS,
        {
          initiativeId: other.id,
          kpis: [
            kpi('OK:1C'),
            kpi('OK:1C'),
            kpi('bad code'),
            kpi('N:1C', { name: 'x'.repeat(200_000) }),
            kpi('C:1C', { unit: 'a\u0007b' }),
          ],
        },
        secretariat.token,
      );
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions.fields).toEqual([
        { field: 'kpis[1].code', message: 'repeats the code of KPI 1' },
        { field: 'kpis[2].code', message: 'must be 1-50 letters, digits or : . _ / - (starting with a letter or digit)' },
        { field: 'kpis[3].name', message: 'must be at most 200 characters' },
        { field: 'kpis[4].unit', message: 'must not contain control characters' },
      ]);
      expect(await rowsOf(other.id)).toEqual([]);
    });

    it('is for the SECRETARIAT of the initiative only', async () => {
      const other = await fx.initiative();
      const otherSecretariat = await fx.person(other.id, 'SECRETARIAT');
      const variables = { initiativeId: w.initiativeId, kpis: [kpi('ZZ:1C')] };
      expect(errorCodes(await gw.gql(IMPORT_KPIS, variables, w.chair.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gw.gql(IMPORT_KPIS, variables, otherSecretariat.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(IMPORT_KPIS, variables))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gw.gql(IMPORT_KPIS, { ...variables, initiativeId: 'not-a-uuid' }, w.secretariat.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect((await rowsOf(w.initiativeId)).map((r) => r.code)).not.toContain('ZZ:1C');
    });
  });

  describe('Initiative.kpis', () => {
    it('lists the catalogue by code, for any member', async () => {
      const data = await catalogue({}, w.initiativeMember.token);
      expect(data.initiative.kpis.totalCount).toBe(5);
      expect(codes(data)).toEqual(['EC:ICT:ICT:1C', 'EC:ICT:ICT:2A', 'EN:EN:AQ:1C', 'SC:EH:ED:1C', 'SC:EH:ED:2A']);
    });

    it('filters by dimension and level, together', async () => {
      expect(codes(await catalogue({ dimension: 'SOCIETY_AND_CULTURE' }))).toEqual(['SC:EH:ED:1C', 'SC:EH:ED:2A']);
      expect(codes(await catalogue({ level: 'ADVANCED' }))).toEqual(['EC:ICT:ICT:2A', 'SC:EH:ED:2A']);
      const both = await catalogue({ dimension: 'ECONOMY', level: 'CORE' });
      expect([both.initiative.kpis.totalCount, codes(both)]).toEqual([1, ['EC:ICT:ICT:1C']]);
    });

    it('searches code and name, ignoring case and accents, with LIKE wildcards taken literally', async () => {
      expect(codes(await catalogue({ search: 'SOCIETE' }))).toEqual(['SC:EH:ED:1C']);
      expect(codes(await catalogue({ search: 'société' }))).toEqual(['SC:EH:ED:1C']);
      expect(codes(await catalogue({ search: 'ict' }))).toEqual(['EC:ICT:ICT:1C', 'EC:ICT:ICT:2A', 'SC:EH:ED:1C']);
      expect(codes(await catalogue({ search: 'en:en:aq' }))).toEqual(['EN:EN:AQ:1C']);
      expect(codes(await catalogue({ search: '100%' }))).toEqual(['SC:EH:ED:2A']);
      expect(codes(await catalogue({ search: '%' }))).toEqual(['SC:EH:ED:2A']);
      expect(codes(await catalogue({ search: 'y_r' }))).toEqual(['SC:EH:ED:2A']);
      expect(codes(await catalogue({ search: 'ICT', level: 'ADVANCED' }))).toEqual(['EC:ICT:ICT:2A']);
      expect(codes(await catalogue({ search: '   ' })).length).toBe(5);
      expect((await catalogue({ search: 'nothing like it' })).initiative.kpis).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('pages by code with cursors', async () => {
      const first = await catalogue({ first: 2 });
      expect([codes(first), first.initiative.kpis.pageInfo.hasNextPage]).toEqual([['EC:ICT:ICT:1C', 'EC:ICT:ICT:2A'], true]);
      const next = await catalogue({ first: 2, after: first.initiative.kpis.pageInfo.endCursor });
      expect(codes(next)).toEqual(['EN:EN:AQ:1C', 'SC:EH:ED:1C']);
      const last = await catalogue({ first: 2, after: next.initiative.kpis.pageInfo.endCursor });
      expect([codes(last), last.initiative.kpis.pageInfo.hasNextPage, last.initiative.kpis.totalCount]).toEqual([
        ['SC:EH:ED:2A'],
        false,
        5,
      ]);
      const forged = Buffer.from(JSON.stringify([{ code: 1 }])).toString('base64url');
      expect(errorCodes(await gw.gql(CATALOGUE, { slug, after: forged }, w.member.token))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await gw.gql(CATALOGUE, { slug, search: 'x'.repeat(201) }, w.member.token))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('links between work items and KPIs', () => {
    it("lets the chairs and the SECRETARIAT replace an item's KPIs; the KPI shows the items that address it", async () => {
      const ids = await kpiIds(gw, w.member.token, slug);
      const plan = await createPlan(gw, w.chair.token, w.groupId, 'KPI plan');
      const first = await addItem(gw, w.chair.token, { workPlanId: plan.id, title: 'Measure Internet access' });
      const second = await addItem(gw, w.chair.token, { workPlanId: plan.id, title: 'Measure air quality' });
      type Linked = { linkWorkItemKpis: { id: string; kpis: { code: string }[] } };

      const linked = ok(
        await gw.gql<Linked>(
          LINK_KPIS,
          { workItemId: first.id, kpiIds: [ids['EN:EN:AQ:1C'], ids['EC:ICT:ICT:1C'], ids['EC:ICT:ICT:1C']] },
          w.vice.token,
        ),
      );
      expect(linked.linkWorkItemKpis.kpis.map((k) => k.code)).toEqual(['EC:ICT:ICT:1C', 'EN:EN:AQ:1C']);
      ok(await gw.gql(LINK_KPIS, { workItemId: second.id, kpiIds: [ids['EN:EN:AQ:1C']] }, w.secretariat.token));

      type Got = { kpi: { code: string; unit: string | null; workItems: { id: string; title: string }[] } };
      const air = ok(await gw.gql<Got>(GET_KPI, { id: ids['EN:EN:AQ:1C'] }, w.initiativeMember.token));
      expect(air.kpi.workItems).toEqual([
        { id: first.id, title: 'Measure Internet access' },
        { id: second.id, title: 'Measure air quality' },
      ]);

      const replaced = ok(await gw.gql<Linked>(LINK_KPIS, { workItemId: first.id, kpiIds: [ids['SC:EH:ED:2A']] }, w.chair.token));
      expect(replaced.linkWorkItemKpis.kpis.map((k) => k.code)).toEqual(['SC:EH:ED:2A']);
      const again = ok(await gw.gql<Got>(GET_KPI, { id: ids['EN:EN:AQ:1C'] }, w.member.token));
      expect(again.kpi.workItems.map((i) => i.id)).toEqual([second.id]);
      const literacy = ok(await gw.gql<Got>(GET_KPI, { id: ids['SC:EH:ED:2A'] }, w.member.token));
      expect([literacy.kpi.unit, literacy.kpi.workItems.map((i) => i.id)]).toEqual(['%', [first.id]]);

      const cleared = ok(await gw.gql<Linked>(LINK_KPIS, { workItemId: first.id, kpiIds: [] }, w.chair.token));
      expect(cleared.linkWorkItemKpis.kpis).toEqual([]);
    });

    it('refuses members, KPIs of other initiatives and unknown ids, changing nothing', async () => {
      const ids = await kpiIds(gw, w.member.token, slug);
      const plan = await createPlan(gw, w.chair.token, w.groupId, 'Refusals');
      const item = await addItem(gw, w.chair.token, { workPlanId: plan.id, title: 'Linked once' });
      ok(await gw.gql(LINK_KPIS, { workItemId: item.id, kpiIds: [ids['EC:ICT:ICT:1C']] }, w.chair.token));

      const other = await fx.initiative();
      const otherSecretariat = await fx.person(other.id, 'SECRETARIAT');
      await importKpis(gw, otherSecretariat.token, other.id, [kpi('EC:ICT:ICT:1C')]);
      const [foreign] = await fx.query<{ id: string }>(`SELECT id FROM kpi WHERE initiative_id = $1`, [other.id]);

      const attempt = (kpiIdList: string[], token: string, workItemId = item.id) =>
        gw.gql(LINK_KPIS, { workItemId, kpiIds: kpiIdList }, token).then(errorCodes);
      expect(await attempt([ids['EN:EN:AQ:1C']], w.member.token)).toEqual(['FORBIDDEN']);
      expect(await attempt([ids['EN:EN:AQ:1C']], w.groupObserver.token)).toEqual(['FORBIDDEN']);
      expect(await attempt([ids['EN:EN:AQ:1C']], otherSecretariat.token)).toEqual(['NOT_FOUND']);
      expect(await attempt([foreign.id], w.chair.token)).toEqual(['NOT_FOUND']);
      expect(await attempt([ids['EN:EN:AQ:1C'], 'not-a-uuid'], w.chair.token)).toEqual(['NOT_FOUND']);
      expect(await attempt([ids['EN:EN:AQ:1C']], w.chair.token, 'not-a-uuid')).toEqual(['NOT_FOUND']);
      expect(
        await attempt(
          Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
          w.chair.token,
        ),
      ).toEqual(['BAD_USER_INPUT']);
      const links = await fx.query(`SELECT kpi_id FROM work_item_kpi WHERE work_item_id = $1`, [item.id]);
      expect(links).toEqual([{ kpi_id: ids['EC:ICT:ICT:1C'] }]);
    });
  });

  it("keeps one of two concurrent replacements of an item's KPIs, never their union", async () => {
    const ids = await kpiIds(gw, w.member.token, slug);
    const plan = await createPlan(gw, w.chair.token, w.groupId, 'Concurrent links');
    const item = await addItem(gw, w.chair.token, { workPlanId: plan.id, title: 'Contested' });
    const lists = [
      [ids['EC:ICT:ICT:1C'], ids['EC:ICT:ICT:2A']],
      [ids['EN:EN:AQ:1C'], ids['SC:EH:ED:1C']],
    ];
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(
        lists.map((kpiIdList, i) =>
          gw.gql(LINK_KPIS, { workItemId: item.id, kpiIds: kpiIdList }, i === 0 ? w.chair.token : w.secretariat.token),
        ),
      );
      results.forEach(ok);
      const links = await fx.query<{ kpi_id: string }>(
        `SELECT kpi_id FROM work_item_kpi WHERE work_item_id = $1 ORDER BY kpi_id`,
        [item.id],
      );
      expect(lists.map((l) => [...l].sort())).toContainEqual(links.map((r) => r.kpi_id));
    }
  });

  describe('Query.kpi', () => {
    it('answers members with every field, and NOT_FOUND to other initiatives and unknown ids', async () => {
      const ids = await kpiIds(gw, w.member.token, slug);
      const data = ok(await gw.gql(GET_KPI, { id: ids['SC:EH:ED:2A'] }, w.initiativeMember.token));
      expect(data.kpi).toMatchObject({
        code: 'SC:EH:ED:2A',
        name: 'Adult 100% Literacy_Rate',
        dimension: 'SOCIETY_AND_CULTURE',
        subDimension: 'Education, Health and Culture',
        category: 'Education',
        level: 'ADVANCED',
        definition: 'Share of adults who can read and write.',
        unit: '%',
      });
      const other = await fx.initiative();
      const otherSecretariat = await fx.person(other.id, 'SECRETARIAT');
      expect(errorCodes(await gw.gql(GET_KPI, { id: ids['SC:EH:ED:2A'] }, otherSecretariat.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(GET_KPI, { id: ids['SC:EH:ED:2A'] }, w.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(GET_KPI, { id: '00000000-0000-4000-8000-000000000000' }, w.member.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await gw.gql(GET_KPI, { id: 'EC:ICT:ICT:1C' }, w.member.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gw.gql(GET_KPI, { id: ids['SC:EH:ED:2A'] }))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('statement counts', () => {
    const PAGE = `query ($slug: String!) { initiative(slug: $slug) { kpis(first: 100) { totalCount edges { node { code
      workItems { id title kpis { code } } } } } } }`;

    it('reads initiative.kpis(first: 100) with linked items in the same number of statements for 2 or 100 KPIs', async () => {
      const statements: number[] = [];
      for (const size of [2, 100]) {
        const ini = await fx.initiative();
        const secretariat = await fx.person(ini.id, 'SECRETARIAT');
        const group = await fx.group(ini.id);
        await fx.groupRole(group.id, secretariat.id, 'CHAIR');
        await importKpis(
          gw,
          secretariat.token,
          ini.id,
          Array.from({ length: size }, (_, i) => kpi(`K:${String(i).padStart(3, '0')}`)),
        );
        const ids = Object.values(await kpiIds(gw, secretariat.token, ini.slug));
        const plan = await createPlan(gw, secretariat.token, group.id);
        for (const title of ['One', 'Two']) {
          const item = await addItem(gw, secretariat.token, { workPlanId: plan.id, title });
          ok(await gw.gql(LINK_KPIS, { workItemId: item.id, kpiIds: ids }, secretariat.token));
        }
        const result = await gw.gql<{ initiative: { kpis: { totalCount: number } } }>(
          PAGE,
          { slug: ini.slug },
          secretariat.token,
        );
        expect(ok(result).initiative.kpis.totalCount).toBe(size);
        statements.push(result.sqlStatements);
      }
      expect(statements[1]).toBe(statements[0]);
    });
  });
});
