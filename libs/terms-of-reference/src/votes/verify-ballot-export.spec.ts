import { verifyBallotExport } from '../../../../tools/verify-ballot.mjs';
import { genesisHash, recordHash } from './hash-chain';

const BALLOT = '6f1c2a52-1111-4c3b-9a00-000000000001';
const A = '6f1c2a52-2222-4c3b-9a00-000000000002';
const B = '6f1c2a52-3333-4c3b-9a00-000000000003';

type Entry = { voterId: string; position: string; comment?: string | null; revision: number };

/** A ballot exported as `ballot { id status electorateSize votesCast chainHead tally audit { ... } }` answers it. */
function exported(entries: Entry[], electorateSize = 3) {
  let prev = genesisHash(BALLOT);
  const records = entries.map((e, i) => {
    const castAt = new Date(Date.UTC(2016, 6, 22, 9, 0, i, 5));
    const hash = recordHash(prev, {
      ballotId: BALLOT,
      voterId: e.voterId,
      position: e.position,
      comment: e.comment ?? null,
      castAt,
      revision: e.revision,
    });
    const record = {
      seq: i + 1,
      voterId: e.voterId,
      position: e.position,
      comment: e.comment ?? null,
      castAt: castAt.toISOString(),
      revision: e.revision,
      prevHash: prev,
      hash,
    };
    prev = hash;
    return record;
  });
  const latest = new Map(entries.map((e) => [e.voterId, e.position]));
  const count = (p: string) => [...latest.values()].filter((x) => x === p).length;
  const tally = {
    approve: count('APPROVE'),
    object: count('OBJECT'),
    abstain: count('ABSTAIN'),
    notVoted: electorateSize - latest.size,
  };
  return {
    data: {
      ballot: {
        id: BALLOT,
        status: 'CLOSED',
        electorateSize,
        votesCast: latest.size,
        chainHead: prev,
        tally,
        audit: { genesisHash: genesisHash(BALLOT), head: prev, records, tallyFromChain: { ...tally }, consistent: true },
      },
    },
  };
}

const VOTES: Entry[] = [
  { voterId: A, position: 'APPROVE', revision: 1 },
  { voterId: B, position: 'OBJECT', comment: 'Section 2 is vague', revision: 1 },
  { voterId: A, position: 'ABSTAIN', revision: 2 },
];

const failures = (result: { checks: { ok: boolean; text: string }[] }) => result.checks.filter((c) => !c.ok).map((c) => c.text);

describe('verifyBallotExport (tools/verify-ballot.mjs)', () => {
  it('accepts an intact export, in each shape a member may save it', () => {
    const input = exported(VOTES);
    for (const shape of [input, input.data, input.data.ballot]) {
      const result = verifyBallotExport(shape);
      expect(failures(result)).toEqual([]);
      expect(result).toMatchObject({ ballotId: BALLOT, ok: true, firstBadSeq: null });
      expect(result.checks).toHaveLength(10);
    }
    expect(verifyBallotExport(exported([], 2)).ok).toBe(true);
  });

  it('names the first bad record when a record was edited, and the tally that no longer follows', () => {
    const input = exported(VOTES);
    input.data.ballot.audit.records[1].position = 'APPROVE';
    const result = verifyBallotExport(input);
    expect(result).toMatchObject({ ok: false, firstBadSeq: 2 });
    expect(failures(result)).toEqual([
      'record seq 2: its hash does not match its content (voter, position, comment, castAt or revision)',
      `audit.head is the hash of the last record (${input.data.ballot.audit.head})`,
      `the chain ends at the published head ${input.data.ballot.chainHead}`,
      "tally 0/1/1 (approve/object/abstain) equals the chain's latest record per voter: 1/0/1",
      "the server's tallyFromChain 0/1/1 equals the recomputed one",
    ]);
  });

  it('refuses a removed record, a chain re-hashed to another head, and a record of the wrong shape', () => {
    const removed = exported(VOTES);
    removed.data.ballot.audit.records.splice(1, 1);
    expect(verifyBallotExport(removed)).toMatchObject({ ok: false, firstBadSeq: 3 });

    // Rebuilt from scratch without B's objection: a valid chain, but not the one whose head was published.
    const rebuilt = exported([VOTES[0], VOTES[2]]);
    rebuilt.data.ballot.chainHead = exported(VOTES).data.ballot.chainHead;
    expect(failures(verifyBallotExport(rebuilt))).toEqual([
      `the chain ends at the published head ${rebuilt.data.ballot.chainHead}`,
    ]);

    const malformed = exported(VOTES) as { data: { ballot: { audit: { records: Record<string, unknown>[] } } } };
    malformed.data.ballot.audit.records[2].castAt = 'yesterday';
    expect(verifyBallotExport(malformed)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it("checks each voter's revisions, the published head it is given, and the server's own verdict", () => {
    const skipped = exported([VOTES[0], { ...VOTES[2], revision: 3 }]);
    expect(verifyBallotExport(skipped)).toMatchObject({ ok: false, firstBadSeq: 2 });

    const input = exported(VOTES);
    expect(verifyBallotExport(input, { publishedHead: input.data.ballot.chainHead }).ok).toBe(true);
    expect(failures(verifyBallotExport(input, { publishedHead: '0'.repeat(64) }))).toEqual([
      `the chain ends at the published head ${'0'.repeat(64)}`,
    ]);
    const open = exported(VOTES) as { data: { ballot: { chainHead: string | null; status: string } } };
    open.data.ballot.status = 'OPEN';
    open.data.ballot.chainHead = null;
    expect(failures(verifyBallotExport(open))).toEqual([
      'no published head to check against: chainHead is null (ballot not CLOSED) and no --head was given',
    ]);

    const inconsistent = exported(VOTES);
    inconsistent.data.ballot.audit.consistent = false;
    expect(failures(verifyBallotExport(inconsistent))).toEqual([
      'the server reports the ballot consistent (audit.consistent = false)',
    ]);
    const miscounted = exported(VOTES);
    miscounted.data.ballot.tally.notVoted = 0;
    expect(failures(verifyBallotExport(miscounted))).toEqual(['notVoted 0 equals electorateSize 3 minus 2 voters']);
  });

  it('refuses input that is not a ballot export', () => {
    expect(() => verifyBallotExport({ data: { ballot: null } })).toThrow(/no ballot with an id/);
    expect(() => verifyBallotExport({ id: BALLOT, tally: null })).toThrow(/no audit.records/);
  });
});
