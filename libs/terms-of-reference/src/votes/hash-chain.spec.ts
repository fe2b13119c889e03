import * as bench from '../../../../bench/lib/common.mjs';
import * as tool from '../../../../tools/verify-ballot.mjs';
import {
  canonicalRecord,
  genesisHash,
  recordHash,
  sha256Hex,
  type StoredChainRecord,
  tallyFromChain,
  verifyChain,
} from './hash-chain';

const BALLOT = '6f1c2a52-1111-4c3b-9a00-000000000001';
const A = '6f1c2a52-2222-4c3b-9a00-000000000002';
const B = '6f1c2a52-3333-4c3b-9a00-000000000003';

function chain(entries: { voterId: string; position: string; comment?: string | null; revision: number }[]): StoredChainRecord[] {
  let prev = genesisHash(BALLOT);
  return entries.map((e, i) => {
    const record = {
      ballotId: BALLOT,
      voterId: e.voterId,
      position: e.position,
      comment: e.comment ?? null,
      castAt: new Date(Date.UTC(2016, 6, 22, 9, 0, i, 123)),
      revision: e.revision,
    };
    const hash = recordHash(prev, record);
    const stored = { ...record, seq: i + 1, prevHash: prev, hash };
    prev = hash;
    return stored;
  });
}

describe('hash chain', () => {
  it('starts from sha256("ballot:" + ballotId)', () => {
    expect(genesisHash(BALLOT)).toBe(sha256Hex(`ballot:${BALLOT}`));
    expect(genesisHash(BALLOT)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('encodes records canonically in a fixed order', () => {
    const castAt = new Date('2016-07-22T09:00:00.5Z');
    expect(canonicalRecord({ ballotId: BALLOT, voterId: A, position: 'OBJECT', comment: 'no', castAt, revision: 2 })).toBe(
      JSON.stringify([BALLOT, A, 'OBJECT', 'no', '2016-07-22T09:00:00.500Z', 2]),
    );
  });

  it('verifies an intact chain and returns its head', () => {
    const records = chain([
      { voterId: A, position: 'APPROVE', revision: 1 },
      { voterId: B, position: 'OBJECT', comment: 'too vague', revision: 1 },
      { voterId: A, position: 'ABSTAIN', revision: 2 },
    ]);
    expect(verifyChain(BALLOT, records)).toEqual({ ok: true, head: records[2].hash, brokenAtSeq: null, problem: null });
    expect(verifyChain(BALLOT, [])).toEqual({ ok: true, head: genesisHash(BALLOT), brokenAtSeq: null, problem: null });
  });

  it('changes every later hash when one field changes', () => {
    const base = { ballotId: BALLOT, voterId: A, position: 'APPROVE', comment: null, castAt: new Date(0), revision: 1 };
    const h = recordHash(genesisHash(BALLOT), base);
    for (const change of [{ position: 'OBJECT' }, { comment: '' }, { castAt: new Date(1) }, { revision: 2 }, { voterId: B }]) {
      expect(recordHash(genesisHash(BALLOT), { ...base, ...change })).not.toBe(h);
    }
    expect(recordHash('0'.repeat(64), base)).not.toBe(h);
  });

  it.each([
    ['a position', (r: StoredChainRecord) => (r.position = 'APPROVE')],
    ['a comment', (r: StoredChainRecord) => (r.comment = 'edited')],
    ['a cast time', (r: StoredChainRecord) => (r.castAt = new Date(r.castAt.getTime() + 1))],
    ['a revision', (r: StoredChainRecord) => (r.revision = 5)],
    ['a stored hash', (r: StoredChainRecord) => (r.hash = '0'.repeat(64))],
  ])('detects an edited %s', (_what, edit) => {
    const records = chain([
      { voterId: A, position: 'APPROVE', revision: 1 },
      { voterId: B, position: 'OBJECT', comment: 'too vague', revision: 1 },
      { voterId: A, position: 'ABSTAIN', revision: 2 },
    ]);
    edit(records[1]);
    expect(verifyChain(BALLOT, records)).toEqual({
      ok: false,
      head: records[0].hash,
      brokenAtSeq: 2,
      problem: 'its hash does not match its content (voter, position, comment, castAt or revision)',
    });
  });

  it('detects a removed or reordered record', () => {
    const records = chain([
      { voterId: A, position: 'APPROVE', revision: 1 },
      { voterId: B, position: 'APPROVE', revision: 1 },
      { voterId: A, position: 'ABSTAIN', revision: 2 },
    ]);
    expect(verifyChain(BALLOT, [records[0], records[2]]).ok).toBe(false);
    expect(verifyChain(BALLOT, [records[1], records[0], records[2]]).ok).toBe(false);
    expect(verifyChain('6f1c2a52-9999-4c3b-9a00-000000000009', records).ok).toBe(false);
  });
});

describe('tallyFromChain', () => {
  it("counts each elector's latest record in chain order, and the electors without one", () => {
    const records = chain([
      { voterId: A, position: 'APPROVE', revision: 1 },
      { voterId: B, position: 'OBJECT', comment: 'no', revision: 1 },
      { voterId: A, position: 'ABSTAIN', revision: 2 },
      { voterId: B, position: 'APPROVE', revision: 2 },
    ]);
    expect(tallyFromChain(records, 5)).toEqual({ approve: 1, object: 0, abstain: 1, notVoted: 3 });
    expect(tallyFromChain(records.slice(0, 2), 2)).toEqual({ approve: 1, object: 1, abstain: 0, notVoted: 0 });
    expect(tallyFromChain([], 4)).toEqual({ approve: 0, object: 0, abstain: 0, notVoted: 4 });
  });
});

describe('one implementation of the record encoding in Node', () => {
  it('the library, the bench and tools/verify-ballot.mjs share the same functions', () => {
    for (const name of ['sha256Hex', 'genesisHash', 'recordHash'] as const) {
      expect(bench[name]).toBe(tool[name]);
    }
    expect(recordHash).toBe(tool.recordHash);
    expect(genesisHash).toBe(tool.genesisHash);
    expect(canonicalRecord).toBe(tool.canonicalRecord);
    expect(verifyChain).toBe(tool.verifyChain);
    expect(tallyFromChain).toBe(tool.tallyFromChain);
  });
});
