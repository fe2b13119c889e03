import { useFixtures } from '../support/fixtures';
import { errorCodes, ok, useGateway } from '../support/gateway-harness';
import { importKpis, kpi } from '../support/kpi-fixtures';
import {
  addAgendaItem,
  advance,
  CANCEL,
  meetingWorld,
  type MeetingWorld,
  RECORD_DECISION,
  scheduleMeeting,
} from '../support/meeting-fixtures';
import { uniqueId } from '../support/test-config';
import { addItem, createPlan, REMOVE_ITEM, UPDATE_ITEM } from '../support/work-plan-fixtures';

const SEARCH = `query($initiativeId: ID!, $query: String!, $kinds: [SearchHitKind!], $first: Int, $after: String) {
  search(initiativeId: $initiativeId, query: $query, kinds: $kinds, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { kind id title snippet context path } }
  } }`;

interface Hit {
  kind: string;
  id: string;
  title: string;
  snippet: string;
  context: string;
  path: string | null;
}
interface Found {
  search: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Hit }[];
  };
}

describe('search', () => {
  const gw = useGateway();
  const fx = useFixtures();
  let w: MeetingWorld;
  let groupCode: string;
  let planId: string;
  let deliverable: { id: string };
  let geneva: { id: string };
  let ville: { id: string };
  let decisionNumber: string;
  let decisionId: string;
  let meetingId: string;
  let draftMeetingId: string;
  /** A word nobody else's data contains, so counts in this file are exact. */
  const word = `zq${uniqueId(6)
    .toLowerCase()
    .replace(/[^a-z]/g, 'x')}`;

  const search = async (variables: Record<string, unknown>, token = w.member.token) =>
    ok(await gw.gql<Found>(SEARCH, { initiativeId: w.initiativeId, ...variables }, token)).search;
  const hits = async (query: string, token = w.member.token, extra: Record<string, unknown> = {}) =>
    (await search({ query, ...extra }, token)).edges.map((e) => e.node);

  beforeAll(async () => {
    w = await meetingWorld(fx);
    [{ code: groupCode }] = await fx.query<{ code: string }>(`SELECT code FROM working_group WHERE id = $1`, [w.groupId]);
    planId = (await createPlan(gw, w.chair.token, w.groupId, 'Work plan 2016-2017')).id;
    deliverable = await addItem(gw, w.chair.token, {
      workPlanId: planId,
      kind: 'DELIVERABLE',
      title: `Guidance ${word}`,
      description: 'The deliverable describes open data portals for smart cities.',
    });
    geneva = await addItem(gw, w.chair.token, {
      workPlanId: planId,
      title: `Workshop ${word}`,
      description: 'Hosted in Genève by UNECE.',
    });
    ville = await addItem(gw, w.chair.token, {
      workPlanId: planId,
      title: `Étude ${word}`,
      description: 'Une étude sur la ville intelligente et durable.',
    });
    const meeting = await scheduleMeeting(gw, w.chair.token, {
      initiativeId: w.initiativeId,
      workingGroupId: w.groupId,
      title: `Plenary ${word}`,
    });
    meetingId = meeting.id;
    await addAgendaItem(gw, w.chair.token, meeting.id, `Adoption ${word}`);
    await advance(gw, w.chair.token, meeting.id, 'IN_PROGRESS');
    for (const text of [`First decision ${word}`, `Second decision ${word}: adopt the KPI report`]) {
      const recorded = ok(
        await gw.gql<{ recordDecision: { id: string; number: string } }>(
          RECORD_DECISION,
          { input: { meetingId: meeting.id, text } },
          w.chair.token,
        ),
      ).recordDecision;
      decisionNumber = recorded.number;
      decisionId = recorded.id;
    }
    draftMeetingId = (
      await scheduleMeeting(gw, w.chair.token, {
        initiativeId: w.initiativeId,
        workingGroupId: w.groupId,
        title: `Secret retreat ${word}`,
      })
    ).id;
    await importKpis(gw, w.secretariat.token, w.initiativeId, [
      kpi('EC:ICT:ICT:1C', { name: `Household Internet Access ${word}` }),
      kpi('EC:ICT:ICT:2A', { name: `Fixed Broadband ${word}` }),
    ]);
  });

  it('finds a work item by a stemmed word of its description, with the match marked and its place named', async () => {
    const found = await hits(`deliverables ${word}`);
    expect(found).toEqual([
      {
        kind: 'WORK_ITEM',
        id: deliverable.id,
        title: `Guidance ${word}`,
        snippet: 'The [[deliverable]] describes open data portals for smart cities.',
        context: `${groupCode} · Work plan 2016-2017`,
        path: `/groups/${w.groupId}`,
      },
    ]);
  });

  it('stems French ("villes" finds "ville") and ignores accents ("Geneve" finds "Genève", "etude" finds "Étude")', async () => {
    expect((await hits(`villes ${word}`)).map((h) => [h.id, h.snippet])).toEqual([
      [ville.id, 'Une étude sur la [[ville]] intelligente et durable.'],
    ]);
    expect((await hits(`Geneve ${word}`)).map((h) => [h.id, h.snippet])).toEqual([[geneva.id, 'Hosted in [[Genève]] by UNECE.']]);
    expect((await hits(`etude ${word}`, w.member.token, { kinds: ['WORK_ITEM'] })).map((h) => h.id)).toEqual([ville.id]);
  });

  it('finds a decision by its number as written, first', async () => {
    expect(decisionNumber).toMatch(/-1\/2$/);
    const found = await hits(decisionNumber);
    expect(found[0]).toEqual({
      kind: 'DECISION',
      id: decisionId,
      title: `Decision ${decisionNumber}`,
      snippet: `[[${decisionNumber}]] · Second decision ${word}: adopt the KPI report`,
      context: `${groupCode} · Meeting 1: Plenary ${word}`,
      path: `/meetings/${meetingId}`,
    });
  });

  it('finds a KPI by its code and a group by its code', async () => {
    const kpis = await hits('EC:ICT:ICT:1C', w.member.token, { kinds: ['KPI'] });
    expect(kpis.map((h) => [h.title, h.snippet])).toEqual([
      [`EC:ICT:ICT:1C Household Internet Access ${word}`, '[[EC:ICT:ICT:1C]] · ICT Infrastructure ICT'],
    ]);
    const [{ slug }] = await fx.query<{ slug: string }>(`SELECT slug FROM initiative WHERE id = $1`, [w.initiativeId]);
    expect(kpis[0].path).toMatch(new RegExp(`^/i/${slug}/kpis/[0-9a-f-]{36}$`));
    const groups = await hits(groupCode);
    expect(groups[0]).toMatchObject({
      kind: 'WORKING_GROUP',
      id: w.groupId,
      snippet: `[[${groupCode}]] · Mandate of ${groupCode}`,
      path: `/groups/${w.groupId}`,
    });
  });

  it('ranks a title match above a body match', async () => {
    const title = await addItem(gw, w.chair.token, { workPlanId: planId, title: `Portal ${word}1`, description: 'Nothing.' });
    const body = await addItem(gw, w.chair.token, { workPlanId: planId, title: 'Something', description: `About ${word}1.` });
    expect((await hits(`${word}1`)).map((h) => h.id)).toEqual([title.id, body.id]);
  });

  it('filters by kind and pages with a cursor, the total counting every match', async () => {
    const all = await search({ query: word });
    const byKind = all.edges.map((e) => e.node.kind).sort();
    // 3 (+2 ranked) work items, the meeting, its agenda item, 2 decisions, 2 KPIs; not the DRAFT meeting.
    expect(byKind.filter((k) => k === 'MEETING')).toEqual(['MEETING']);
    expect(all.totalCount).toBe(all.edges.length);
    const items = await search({ query: word, kinds: ['WORK_ITEM', 'DECISION'], first: 2 });
    const total = items.totalCount;
    expect(total).toBe(byKind.filter((k) => k === 'WORK_ITEM' || k === 'DECISION').length);
    const seen = items.edges.map((e) => e.node.id);
    let after = items.pageInfo.endCursor;
    while (after) {
      const next = await search({ query: word, kinds: ['WORK_ITEM', 'DECISION'], first: 2, after });
      expect(next.totalCount).toBe(total);
      seen.push(...next.edges.map((e) => e.node.id));
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('is current right after a write: a renamed title is found at once, the old one no more', async () => {
    const item = await addItem(gw, w.chair.token, { workPlanId: planId, title: `Before ${word}2` });
    ok(await gw.gql(UPDATE_ITEM, { input: { id: item.id, expectedVersion: 1, title: `After ${word}3` } }, w.chair.token));
    expect((await hits(`${word}3`)).map((h) => [h.id, h.title])).toEqual([[item.id, `After ${word}3`]]);
    expect(await hits(`${word}2`)).toEqual([]);
  });

  it("shows a parent's new name in its children's context at once (a plan's title in its items')", async () => {
    const plan = await createPlan(gw, w.chair.token, w.groupId, `Old plan ${word}7`);
    const item = await addItem(gw, w.chair.token, { workPlanId: plan.id, title: `Child ${word}8` });
    expect((await hits(`${word}8`)).map((h) => h.context)).toEqual([`${groupCode} · Old plan ${word}7`]);
    await fx.query(`UPDATE work_plan SET title = $2 WHERE id = $1`, [plan.id, `New plan ${word}7`]);
    expect((await hits(`${word}8`)).map((h) => [h.id, h.context])).toEqual([[item.id, `${groupCode} · New plan ${word}7`]]);
  });

  it('is current inside the writing transaction itself', async () => {
    const client = await fx.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE work_item SET title = $2 WHERE id = $1`, [deliverable.id, `Renamed ${word}4`]);
      const { rows } = await client.query<{ title: string }>(
        `SELECT title FROM search_entry WHERE document @@ search_query($1) AND object_id = $2`,
        [`${word}4`, deliverable.id],
      );
      expect(rows).toEqual([{ title: `Renamed ${word}4` }]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(await hits(`${word}4`)).toEqual([]);
  });

  it('forgets a removed work item and shows a cancelled meeting as cancelled', async () => {
    const item = await addItem(gw, w.chair.token, { workPlanId: planId, title: `Doomed ${word}5` });
    expect((await hits(`${word}5`)).map((h) => h.id)).toEqual([item.id]);
    ok(await gw.gql(REMOVE_ITEM, { id: item.id }, w.chair.token));
    expect(await hits(`${word}5`)).toEqual([]);

    const meeting = await scheduleMeeting(gw, w.chair.token, {
      initiativeId: w.initiativeId,
      workingGroupId: w.groupId,
      title: `Called off ${word}6`,
    });
    await advance(gw, w.chair.token, meeting.id, 'ANNOUNCED');
    ok(await gw.gql(CANCEL, { id: meeting.id, reason: 'No quorum' }, w.chair.token));
    expect((await hits(`${word}6`)).map((h) => [h.id, h.context])).toEqual([
      [meeting.id, `${groupCode} · Meeting ${meeting.number} · Cancelled`],
    ]);
  });

  it('shows a DRAFT meeting to the SECRETARIAT and the group chairs only', async () => {
    const query = `retreat ${word}`;
    for (const who of [w.secretariat, w.chair, w.vice])
      expect((await hits(query, who.token)).map((h) => h.id)).toEqual([draftMeetingId]);
    for (const who of [w.member, w.observer, w.groupObserver, w.initiativeMember])
      expect(await hits(query, who.token)).toEqual([]);
  });

  it('gives an outsider NOT_FOUND for the initiative and nothing of it', async () => {
    expect(errorCodes(await gw.gql(SEARCH, { initiativeId: w.initiativeId, query: word }, w.outsider.token))).toEqual([
      'NOT_FOUND',
    ]);
    const other = await fx.initiative();
    const stranger = await fx.person(other.id, 'SECRETARIAT');
    const theirs = ok(await gw.gql<Found>(SEARCH, { initiativeId: other.id, query: word }, stranger.token)).search;
    expect(theirs).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it('refuses bad input with the contract codes', async () => {
    const codes = async (variables: Record<string, unknown>) =>
      errorCodes(await gw.gql(SEARCH, { initiativeId: w.initiativeId, query: word, ...variables }, w.member.token));
    expect(await codes({ query: '   ' })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ query: 'x'.repeat(501) })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ after: 'bm90IGEgY3Vyc29y' })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ after: Buffer.from(JSON.stringify(['1', 'KPI', 'x'])).toString('base64url') })).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await codes({ first: -1 })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ initiativeId: 'not-a-uuid' })).toEqual(['NOT_FOUND']);
    expect(await codes({ initiativeId: '00000000-0000-4000-8000-000000000000' })).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gw.gql(SEARCH, { initiativeId: w.initiativeId, query: word }))).toEqual(['UNAUTHENTICATED']);
    // tsquery syntax in the text is only text.
    expect(await hits(`'!&|:*() \\ ${word}`)).toEqual(expect.any(Array));
  });

  it('costs the same number of SQL statements for one hit or many', async () => {
    const one = await gw.gql<Found>(SEARCH, { initiativeId: w.initiativeId, query: `deliverables ${word}` }, w.member.token);
    const many = await gw.gql<Found>(SEARCH, { initiativeId: w.initiativeId, query: word, first: 50 }, w.member.token);
    expect(ok(one).search.edges).toHaveLength(1);
    expect(ok(many).search.edges.length).toBeGreaterThan(8);
    // roles (remembered after the first request), the groups the member chairs, the page.
    expect([one.sqlStatements, many.sqlStatements]).toEqual([2, 2]);
    const secretariat = await gw.gql<Found>(
      SEARCH,
      { initiativeId: w.initiativeId, query: word, first: 50 },
      w.secretariat.token,
    );
    ok(secretariat);
    const again = await gw.gql<Found>(SEARCH, { initiativeId: w.initiativeId, query: word, first: 50 }, w.secretariat.token);
    expect(again.sqlStatements).toBe(1);
  });
});
