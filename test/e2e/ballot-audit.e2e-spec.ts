import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { genesisHash } from '@app/terms-of-reference';
import { useFixtures } from '../support/fixtures';
import { errorCodes, type Json, ok, useGateway } from '../support/gateway-harness';
import { CANCEL, castVote, CLOSE, community, draftTor, openBallot, tamper } from '../support/tor-fixtures';

/** The export of docs/VERIFYING.md: what tools/verify-ballot.mjs reads. */
const EXPORT = `query Export($id: ID!) {
  ballot(id: $id) {
    id status electorateSize votesCast chainHead outcome
    tally { approve object abstain notVoted }
    audit {
      genesisHash head consistent
      tallyFromChain { approve object abstain notVoted }
      records { seq voterId position comment castAt revision prevHash hash }
    }
  }
}`;

const TOOL = join(process.cwd(), 'tools', 'verify-ballot.mjs');

/** Runs the verifier as a member would: `node tools/verify-ballot.mjs <file>` (or stdin). */
function verifyWithTool(exported: unknown, how: 'file' | 'stdin' = 'file', extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'verify-ballot-'));
  try {
    const file = join(dir, 'ballot.json');
    writeFileSync(file, JSON.stringify(exported, null, 2));
    const args = how === 'file' ? [TOOL, file, ...extra] : [TOOL, '-', ...extra];
    const run = spawnSync(process.execPath, args, {
      input: how === 'stdin' ? JSON.stringify(exported) : undefined,
      encoding: 'utf8',
    });
    return { code: run.status, out: run.stdout, err: run.stderr, last: run.stdout.trim().split('\n').at(-1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Ballot.audit and tools/verify-ballot.mjs (issue 12, finding 8)', () => {
  const gateway = useGateway();
  const fixtures = useFixtures();

  const exportBallot = async (id: string, token: string) => ok(await gateway.gql(EXPORT, { id }, token)).ballot;

  /** A ballot with three MEMBER electors; a and b vote, a changes their vote (4 electors: one does not vote). */
  async function votedBallot() {
    const c = await community(fixtures, 4);
    const [a, b] = c.members;
    const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
    const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'MAJORITY', quorum: 0.5 });
    const receipts = [
      ok(await castVote(gateway, a.token, ballot.id, 'OBJECT', 'Section 2 "scope" is vague')).castVote,
      ok(await castVote(gateway, b.token, ballot.id, 'APPROVE')).castVote,
      ok(await castVote(gateway, a.token, ballot.id, 'APPROVE', 'Fixed in v2 ✓')).castVote,
    ];
    return { ...c, ballot, receipts };
  }

  it('shows the whole chain to every member once CLOSED, to SECRETARIAT at any time, and to nobody else', async () => {
    const { ballot, receipts, members, secretariat, observer, outsider } = await votedBallot();
    const [a, b] = members;
    for (const who of [a, observer]) expect((await exportBallot(ballot.id, who.token)).audit).toBeNull();
    expect(errorCodes(await gateway.gql(EXPORT, { id: ballot.id }, outsider.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gateway.gql(EXPORT, { id: ballot.id }))).toEqual(['UNAUTHENTICATED']);

    const live = await exportBallot(ballot.id, secretariat.token);
    const expectedRecords = [
      { seq: 1, voterId: a.id, position: 'OBJECT', comment: 'Section 2 "scope" is vague', revision: 1 },
      { seq: 2, voterId: b.id, position: 'APPROVE', comment: null, revision: 1 },
      { seq: 3, voterId: a.id, position: 'APPROVE', comment: 'Fixed in v2 ✓', revision: 2 },
    ].map((r, i) => ({
      ...r,
      castAt: receipts[i].vote.castAt,
      prevHash: i ? receipts[i - 1].receipt : genesisHash(ballot.id),
      hash: receipts[i].receipt,
    }));
    expect(live).toMatchObject({ status: 'OPEN', chainHead: null, tally: { approve: 2, object: 0, abstain: 0, notVoted: 2 } });
    expect(live.audit).toEqual({
      genesisHash: genesisHash(ballot.id),
      head: receipts[2].receipt,
      consistent: true,
      tallyFromChain: { approve: 2, object: 0, abstain: 0, notVoted: 2 },
      records: expectedRecords,
    });

    const closed = ok(await gateway.gql(CLOSE, { id: ballot.id }, secretariat.token)).closeBallot;
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'APPROVED', chainHead: receipts[2].receipt });
    for (const who of [a, observer, secretariat]) {
      expect((await exportBallot(ballot.id, who.token)).audit).toEqual({ ...live.audit });
    }
  });

  it('shows a CANCELLED ballot to SECRETARIAT only, and an empty chain as its genesis', async () => {
    const c = await community(fixtures, 2);
    const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
    const ballot = await openBallot(gateway, c.secretariat.token, tor.id);
    const empty = { genesisHash: genesisHash(ballot.id), head: genesisHash(ballot.id), consistent: true, records: [] };
    expect((await exportBallot(ballot.id, c.secretariat.token)).audit).toEqual({
      ...empty,
      tallyFromChain: { approve: 0, object: 0, abstain: 0, notVoted: 2 },
    });
    ok(await gateway.gql(CANCEL, { id: ballot.id, reason: 'Wrong version' }, c.secretariat.token));
    expect((await exportBallot(ballot.id, c.members[0].token)).audit).toBeNull();
    expect((await exportBallot(ballot.id, c.secretariat.token)).audit).toMatchObject(empty);
  });

  it('reads the audit in a constant number of SQL statements, whatever the length of the chain or the number of ballots', async () => {
    const small = await votedBallot();
    const large = await votedBallot();
    for (const m of large.members) {
      for (const position of ['OBJECT', 'ABSTAIN', 'APPROVE'])
        ok(await castVote(gateway, m.token, large.ballot.id, position, 'r'));
    }
    // Read twice: the first read may also load the caller's roles (forgotten whenever a membership changes).
    const statements = async (id: string, token: string) => {
      ok(await gateway.gql(EXPORT, { id }, token));
      const result = await gateway.gql(EXPORT, { id }, token);
      expect(ok(result).ballot.audit.consistent).toBe(true);
      return result.sqlStatements;
    };
    const open = [
      await statements(small.ballot.id, small.secretariat.token),
      await statements(large.ballot.id, large.secretariat.token),
    ];
    expect((await exportBallot(large.ballot.id, large.secretariat.token)).audit.records).toHaveLength(15);
    for (const b of [small, large]) ok(await gateway.gql(CLOSE, { id: b.ballot.id }, b.secretariat.token));
    const closed = [
      await statements(small.ballot.id, small.members[3].token),
      await statements(large.ballot.id, large.members[3].token),
    ];
    // The ballot, the records, and the chain's counts beside current_vote (while OPEN shared with the tally).
    expect({ open, closed }).toEqual({ open: [3, 3], closed: [3, 3] });

    // Every ballot of a document at once: the same statements, batched.
    const c = await community(fixtures, 2);
    const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
    const all = `query($id: ID!) { termsOfReference(id: $id) { ballots { id audit { head consistent records { seq hash } } } } }`;
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id);
      for (const m of c.members) ok(await castVote(gateway, m.token, ballot.id, 'APPROVE'));
      ok(await gateway.gql(CLOSE, { id: ballot.id }, c.secretariat.token));
      const result = await gateway.gql(all, { id: tor.id }, c.members[0].token);
      const ballots = ok(result).termsOfReference.ballots;
      expect(ballots.map((b: Json) => [b.audit.consistent, b.audit.records.length])).toEqual(ballots.map(() => [true, 2]));
      counts.push(result.sqlStatements);
    }
    // The document, its ballots, their records, their counts.
    expect(counts).toEqual([4, 4, 4]);
  });

  it('prices the chain like a full page of records in the query cost', async () => {
    const { ballot, secretariat } = await votedBallot();
    const aliased = (n: number) =>
      `query($id: ID!) { ${Array.from({ length: n }, (_, i) => `b${i}: ballot(id: $id) { audit { records { seq voterId position comment castAt revision prevHash hash } } }`).join(' ')} }`;
    // Per alias: ballot 1 + audit 1 + records (1 + 200 x 8 fields) = 1603: as many as the limit holds fit, one more does not.
    const perAlias = 1603;
    const fitting = Math.floor(gateway.config.GRAPHQL_MAX_COMPLEXITY / perAlias);
    const within = await gateway.gql(aliased(fitting), { id: ballot.id }, secretariat.token);
    expect(ok(within)[`b${fitting - 1}`].audit.records).toHaveLength(3);
    const over = await gateway.gql(aliased(fitting + 1), { id: ballot.id }, secretariat.token);
    expect(errorCodes(over)).toEqual(['BAD_USER_INPUT']);
    expect(over.errors?.[0]).toMatchObject({
      message: `Query is too complex: cost ${(fitting + 1) * perAlias}, the maximum is ${gateway.config.GRAPHQL_MAX_COMPLEXITY}`,
      extensions: { reason: 'QUERY_TOO_COMPLEX' },
    });
  });

  it('tools/verify-ballot.mjs prints OK for an exported CLOSED ballot and names the first bad record of a tampered copy', async () => {
    const { ballot, members, secretariat } = await votedBallot();
    ok(await gateway.gql(CLOSE, { id: ballot.id }, secretariat.token));
    const exported = await gateway.gql(EXPORT, { id: ballot.id }, members[3].token);
    expect(exported.data).toMatchObject({ ballot: { status: 'CLOSED', audit: { consistent: true } } });

    for (const how of ['file', 'stdin'] as const) {
      const run = verifyWithTool({ data: exported.data }, how);
      expect(run).toMatchObject({ code: 0, last: 'OK', err: '' });
      expect(run.out.split('\n')[0]).toBe(`ballot ${ballot.id}`);
      expect(run.out).not.toContain('FAIL');
    }
    expect(verifyWithTool(exported.data, 'file', ['--head', '0'.repeat(64)])).toMatchObject({ code: 1, last: 'FAILED' });

    const copy: Json = JSON.parse(JSON.stringify(exported.data));
    copy.ballot.audit.records[1].position = 'OBJECT';
    const tampered = verifyWithTool(copy);
    expect(tampered).toMatchObject({ code: 1, last: 'FAILED: first bad record: seq 2' });
    expect(tampered.out).toContain(
      '  FAIL record seq 2: its hash does not match its content (voter, position, comment, castAt or revision)',
    );

    expect(verifyWithTool({ data: { ballot: null } })).toMatchObject({ code: 2, out: '' });
  });

  it('reports a record edited in PostgreSQL (its guard disabled): audit.consistent is false and the tool names the record', async () => {
    const { ballot, members, secretariat } = await votedBallot();
    ok(await gateway.gql(CLOSE, { id: ballot.id }, secretariat.token));
    const edited = await tamper(
      fixtures,
      'vote_record',
      `UPDATE vote_record SET comment = 'Approved without reservation' WHERE ballot_id = $1 AND seq = 3`,
      [ballot.id],
    );
    expect(edited).toBe(1);
    const exported = await exportBallot(ballot.id, members[2].token);
    expect(exported.audit).toMatchObject({ consistent: false, tallyFromChain: { approve: 2, object: 0, abstain: 0 } });
    const run = verifyWithTool({ ballot: exported });
    expect(run).toMatchObject({ code: 1, last: 'FAILED: first bad record: seq 3' });
  });
});
