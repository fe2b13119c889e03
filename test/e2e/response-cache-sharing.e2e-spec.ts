import { useFixtures } from '../support/fixtures';
import { ok, useGateway } from '../support/gateway-harness';
import { scheduleMeeting } from '../support/meeting-fixtures';
import { castVote, draftTor, openBallot } from '../support/tor-fixtures';
import { CREATE_PLAN, planWorld } from '../support/work-plan-fixtures';

interface Asked {
  hit: boolean;
  body: unknown;
}

/**
 * The response cache shares an answer between callers only when it is theirs too: an answer
 * that depended only on the roles the access policy read is served to every caller with the
 * same roles in those scopes; one that read who the caller is stays with that caller. The
 * cross-check below asks every query of the pages as every kind of caller, in an order where
 * each caller could be served what the one before computed, and compares what each was served
 * with what is computed for them afresh: an answer leaking to a caller who may not read it, or
 * a personal field shown to somebody else, makes them differ.
 */
describe('response cache shared between callers with the same roles', () => {
  const gw = useGateway({ RESPONSE_CACHE_TTL_MS: '60000' });
  const fx = useFixtures();

  async function ask(query: string, variables: Record<string, unknown>, token?: string, headers = {}): Promise<Asked> {
    const response = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { hit: response.headers.get('x-response-cache') === 'hit', body: await response.json() };
  }

  async function world() {
    const w = await planWorld(fx);
    const plan = ok(
      await gw.gql(
        CREATE_PLAN,
        { input: { workingGroupId: w.groupId, title: 'Plan', periodStart: '2030-01-01', periodEnd: '2030-12-31' } },
        w.chair.token,
      ),
    ).createWorkPlan as { id: string };
    const tor = await draftTor(gw, w.chair.token, w.initiativeId, w.groupId);
    const ballot = await openBallot(gw, w.chair.token, tor.id);
    ok(await castVote(gw, w.member.token, ballot.id, 'APPROVE'));
    const draftMeeting = await scheduleMeeting(gw, w.chair.token, { initiativeId: w.initiativeId, workingGroupId: w.groupId });
    await gw.settle();
    return { ...w, planId: plan.id, torId: tor.id as string, ballotId: ballot.id as string, meetingId: draftMeeting.id };
  }

  it('serves every caller exactly what would be computed for them, and shares between equal roles', async () => {
    const w = await world();
    const queries: [string, string, Record<string, unknown>][] = [
      [
        'group page',
        `query($id: ID!) { workingGroup(id: $id) { code name chairs { name } members(first: 10) { totalCount edges { node { role person { name } } } }
           workPlan { title progress { total percentComplete } } } }`,
        { id: w.groupId },
      ],
      [
        'initiative progress',
        `query($id: ID!) { initiativeProgress(initiativeId: $id) { workingGroups { workingGroup { code } progress { total } } openBallots { id } } }`,
        { id: w.initiativeId },
      ],
      [
        'ballot with the caller’s vote',
        `query($id: ID!) { ballot(id: $id) { status votesCast eligibleToVote myVote { position } tally { approve object abstain notVoted } } }`,
        { id: w.ballotId },
      ],
      [
        'ballot without personal fields',
        `query($id: ID!) { ballot(id: $id) { status votesCast electorateSize } }`,
        { id: w.ballotId },
      ],
      [
        'terms of reference',
        `query($id: ID!) { termsOfReference(id: $id) { title status versions { number body } } }`,
        { id: w.torId },
      ],
      ['draft meeting', `query($id: ID!) { meeting(id: $id) { title status } }`, { id: w.meetingId }],
      ['me', `{ me { id name } }`, {}],
    ];
    // Same roles pairs first (member, member2), then every other kind of caller.
    const callers: [string, string | undefined][] = [
      ['member', w.member.token],
      ['member2', w.member2.token],
      ['chair', w.chair.token],
      ['vice', w.vice.token],
      ['groupObserver', w.groupObserver.token],
      ['initiativeMember', w.initiativeMember.token],
      ['secretariat', w.secretariat.token],
      ['outsider', w.outsider.token],
      ['anonymous', undefined],
    ];
    const hits: string[] = [];
    for (const [page, query, variables] of queries) {
      for (const [who, token] of callers) {
        const served = await ask(query, variables, token);
        const computed = await ask(query, variables, token, { 'cache-control': 'no-cache' });
        expect({ page, who, body: served.body }).toEqual({ page, who, body: computed.body });
        if (served.hit) hits.push(`${page}: ${who}`);
      }
    }
    // Shared where the answer depends only on roles, and only between equal roles; never for
    // answers that read the caller (their vote, their eligibility, who they are).
    expect(hits).toEqual([
      'group page: member2',
      'initiative progress: member2',
      // initiativeProgress reads the initiative's roles only: every MEMBER of it, whatever their group role
      'initiative progress: chair',
      'initiative progress: vice',
      'initiative progress: groupObserver',
      'initiative progress: initiativeMember',
      'ballot without personal fields: member2',
      'terms of reference: member2',
    ]);
  });

  it('computes an initiative’s progress once for all its members, even inside answers personal to each', async () => {
    const w = await world();
    // openBallots' myVote makes the answer personal; the progress and overdue reads in it are shared.
    const home = `query($id: ID!) { initiativeProgress(initiativeId: $id) { totals { total } openBallots { myVote { position } } }
      overdueItems(initiativeId: $id, first: 10) { totalCount } }`;
    const statements = async (token: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${gw.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify({ query: home, variables: { id: w.initiativeId } }),
      });
      const body = (await response.json()) as { data: { initiativeProgress: { openBallots: { myVote: unknown }[] } } };
      return {
        sql: Number(response.headers.get('x-sql-statements')),
        myVote: body.data.initiativeProgress.openBallots[0].myVote,
      };
    };
    const first = await statements(w.member.token);
    const second = await statements(w.member2.token);
    expect(first.myVote).toEqual({ position: 'APPROVE' });
    expect(second.myVote).toBeNull();
    // The second member's answer reads only what is theirs (roles, votes): the progress
    // (groups, plans with counts) and the overdue page (groups, count, page) come from memory.
    expect(first.sql - second.sql).toBe(5);
    // Cache-Control: no-cache computes them afresh as well: two callers who have not asked yet, the
    // same reads under another operation name (no answer kept), one of them asking for a fresh answer.
    const progressOnly = (name: string) =>
      `query ${name}($id: ID!) { initiativeProgress(initiativeId: $id) { totals { total } } overdueItems(initiativeId: $id, first: 10) { totalCount } }`;
    const sqlOf = async (name: string, token: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${gw.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify({ query: progressOnly(name), variables: { id: w.initiativeId } }),
      });
      return Number(response.headers.get('x-sql-statements'));
    };
    const remembered = await sqlOf('Remembered', w.groupObserver.token);
    const fresh = await sqlOf('Fresh', w.initiativeMember.token, { 'cache-control': 'no-cache' });
    expect(fresh - remembered).toBe(5);
    // A change empties it: the next member's answer reads everything again.
    await fx.query(`UPDATE working_group SET name = 'Renamed' WHERE id = $1`, [w.groupId]);
    await gw.settle();
    expect((await statements(w.vice.token)).sql).toBe(first.sql);
  });

  it('keeps a shared answer for a caller whose roles are the same, and computes afresh once a role changes', async () => {
    const w = await world();
    const query = `query($id: ID!) { workingGroup(id: $id) { name members(first: 10) { totalCount } } }`;
    expect((await ask(query, { id: w.groupId }, w.member.token)).hit).toBe(false);
    expect((await ask(query, { id: w.groupId }, w.member2.token)).hit).toBe(true);
    await fx.groupRole(w.groupId, w.member2.id, 'OBSERVER');
    await gw.settle();
    const after = await ask(query, { id: w.groupId }, w.member2.token);
    expect(after.hit).toBe(false);
  });
});
