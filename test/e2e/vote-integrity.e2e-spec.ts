import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { recordHash, type StoredChainRecord, verifyChain } from '@app/terms-of-reference';
import { Fixtures } from '../support/fixtures';
import { errorCodes, startGateway, type GatewayUnderTest } from '../support/gateway-harness';
import { BALLOT, castVote, CLOSE, community, draftTor, ok, openBallot, tamper, VERIFY } from '../support/tor-fixtures';

const AUDIT = `query($id: ID!) { ballot(id: $id) { status outcome chainHead tally { approve object abstain notVoted }
  audit { head consistent tallyFromChain { approve object abstain notVoted } records { seq position revision hash } } } }`;

/** Comments whose encoding SQL and Node must agree on (finding 9). */
const COMMENTS: [string, string | null][] = [
  ['null', null],
  ['empty', ''],
  ['plain', 'Section 3 is unclear'],
  ['unicode', 'Zürich — 東京 — مرحبا — Ελλάδα'],
  ['astral emoji', '👩‍👩‍👧 🇨🇭 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀'],
  ['combining characters', 'e\u0301 a\u0308 A\u030A n\u0303 (decomposed, not normalised)'],
  ['quotes and backslashes', `"double" 'single' \\ back\\slash \\" \\\\u0041 /slash/ </script>`],
  ['newlines and tabs', 'line 1\nline 2\r\nline 3\tend\n'],
  ['control characters', Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('') + '\u007f\u0085'],
  ['line and paragraph separators', 'a\u2028b\u2029c'],
  ['5,000 characters', 'x'.repeat(4990) + '0123456789'],
  ['5,000 UTF-16 units of emoji', '😀'.repeat(2500)],
];

describe('vote integrity (issue 12: findings 8 and 9)', () => {
  let gateway: GatewayUnderTest;
  let fixtures: Fixtures;

  beforeAll(async () => {
    gateway = await startGateway();
    fixtures = new Fixtures(gateway.config);
  });
  afterAll(async () => {
    await fixtures.close();
    await gateway.close();
  });

  async function openWithVotes(members = 3) {
    const c = await community(fixtures, members);
    const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
    const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'MAJORITY', quorum: 0.5 });
    return { ...c, ballot };
  }

  const records = (ballotId: string) =>
    fixtures.query<StoredChainRecord>(
      `SELECT seq, ballot_id AS "ballotId", voter_id AS "voterId", position, comment, cast_at AS "castAt", revision,
              prev_hash AS "prevHash", hash
         FROM vote_record WHERE ballot_id = $1 ORDER BY seq`,
      [ballotId],
    );

  describe('finding 8: the tally is covered by the chain', () => {
    it('keeps vote_record append-only: UPDATE, DELETE and TRUNCATE are refused, also for its owner, a superuser', async () => {
      const { ballot, members } = await openWithVotes(2);
      ok(await castVote(gateway, members[0].token, ballot.id, 'APPROVE'));
      ok(await castVote(gateway, members[1].token, ballot.id, 'OBJECT', 'No'));
      const before = await records(ballot.id);
      const [who] = await fixtures.query(
        `SELECT t.tableowner = current_user AS owner, r.rolsuper AS superuser
           FROM pg_tables t, pg_roles r WHERE t.tablename = 'vote_record' AND r.rolname = current_user`,
      );
      expect(who).toEqual({ owner: true, superuser: true });

      await expect(
        fixtures.query(`UPDATE vote_record SET position = 'APPROVE' WHERE ballot_id = $1 AND seq = 2`, [ballot.id]),
      ).rejects.toThrow('vote_record is append-only: UPDATE refused');
      await expect(fixtures.query(`DELETE FROM vote_record WHERE ballot_id = $1 AND seq = 2`, [ballot.id])).rejects.toThrow(
        'vote_record is append-only: DELETE refused',
      );
      // (Alone, TRUNCATE vote_record is refused by current_vote's foreign key before any trigger.)
      await expect(fixtures.query(`TRUNCATE vote_record, current_vote`)).rejects.toThrow(
        'vote_record is append-only: TRUNCATE refused',
      );
      // Deleting the ballot would delete its records through the foreign keys: refused too.
      await expect(fixtures.query(`DELETE FROM ballot WHERE id = $1`, [ballot.id])).rejects.toThrow(
        /^(vote_record is append-only|current_vote changes only through cast_vote\(\)): DELETE refused$/,
      );
      expect(await records(ballot.id)).toEqual(before);
      // A statement that touches no record passes (the triggers are per row): cascades of unrelated deletes still work.
      await expect(fixtures.query(`UPDATE vote_record SET position = position WHERE false`)).resolves.toEqual([]);
    });

    it('lets only cast_vote() change current_vote, as the chain says: direct INSERT, UPDATE, DELETE and TRUNCATE are refused', async () => {
      const { ballot, members } = await openWithVotes(2);
      ok(await castVote(gateway, members[0].token, ballot.id, 'APPROVE'));
      const current = () =>
        fixtures.query(`SELECT voter_id, position, revision FROM current_vote WHERE ballot_id = $1`, [ballot.id]);
      const before = await current();
      expect(before).toEqual([{ voter_id: members[0].id, position: 'APPROVE', revision: 1 }]);

      await expect(
        fixtures.query(`UPDATE current_vote SET position = 'OBJECT' WHERE ballot_id = $1`, [ballot.id]),
      ).rejects.toThrow('current_vote changes only through cast_vote(): UPDATE refused');
      await expect(fixtures.query(`DELETE FROM current_vote WHERE ballot_id = $1`, [ballot.id])).rejects.toThrow(
        'current_vote changes only through cast_vote(): DELETE refused',
      );
      await expect(
        fixtures.query(
          `INSERT INTO current_vote (ballot_id, voter_id, record_id, position, revision)
           SELECT ballot_id, $2, record_id, 'APPROVE', 1 FROM current_vote WHERE ballot_id = $1`,
          [ballot.id, members[1].id],
        ),
      ).rejects.toThrow('current_vote changes only through cast_vote(): INSERT refused');
      await expect(fixtures.query(`TRUNCATE current_vote`)).rejects.toThrow(
        'current_vote changes only through cast_vote(): TRUNCATE refused',
      );

      // The permission lasts for the call only, even inside one transaction with it.
      const client = await fixtures.pool.connect();
      try {
        await client.query('BEGIN');
        const [cast] = (await client.query(`SELECT inserted FROM cast_vote($1, $2, 'ABSTAIN', NULL)`, [ballot.id, members[1].id]))
          .rows;
        expect(cast).toEqual({ inserted: true });
        await expect(
          client.query(`UPDATE current_vote SET position = 'OBJECT' WHERE ballot_id = $1`, [ballot.id]),
        ).rejects.toThrow('current_vote changes only through cast_vote(): UPDATE refused');
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
      expect(await current()).toEqual(before);

      // A session that sets cast_vote()'s setting by hand gets past the first guard, not the second:
      // a current vote must be the voter's latest record, and none may be deleted.
      const bypass = await fixtures.pool.connect();
      try {
        await bypass.query('BEGIN');
        await bypass.query(`SET LOCAL wgcollab.cast_vote = 'on'`);
        await expect(
          bypass.query(`UPDATE current_vote SET position = 'OBJECT' WHERE ballot_id = $1`, [ballot.id]),
        ).rejects.toThrow("current_vote must be the voter's latest vote record: UPDATE refused");
      } finally {
        await bypass.query('ROLLBACK');
      }
      try {
        await bypass.query('BEGIN');
        await bypass.query(`SET LOCAL wgcollab.cast_vote = 'on'`);
        await expect(bypass.query(`DELETE FROM current_vote WHERE ballot_id = $1`, [ballot.id])).rejects.toThrow(
          'current_vote changes only through cast_vote(): DELETE refused',
        );
      } finally {
        await bypass.query('ROLLBACK');
        bypass.release();
      }
      expect(await current()).toEqual(before);
      const again = ok(await castVote(gateway, members[0].token, ballot.id, 'ABSTAIN')).castVote;
      expect(again.vote).toMatchObject({ position: 'ABSTAIN', revision: 2 });
      expect(await current()).toEqual([{ voter_id: members[0].id, position: 'ABSTAIN', revision: 2 }]);
    });

    it('counts the outcome from the chain when current_vote was changed around cast_vote(), and reports it', async () => {
      const { ballot, members, secretariat, observer } = await openWithVotes(3);
      const [a, b, c] = members;
      ok(await castVote(gateway, a.token, ballot.id, 'APPROVE'));
      ok(await castVote(gateway, b.token, ballot.id, 'APPROVE'));
      ok(await castVote(gateway, c.token, ballot.id, 'OBJECT', 'Not yet'));
      // An operator who owns the table turns both approvals into objections, behind the chain's back.
      const changed = await tamper(
        fixtures,
        'current_vote',
        `UPDATE current_vote SET position = 'OBJECT' WHERE ballot_id = $1 AND position = 'APPROVE'`,
        [ballot.id],
      );
      expect(changed).toBe(2);

      const open = ok(await gateway.gql(AUDIT, { id: ballot.id }, secretariat.token)).ballot;
      expect(open.tally).toEqual({ approve: 2, object: 1, abstain: 0, notVoted: 0 });
      expect(open.audit).toMatchObject({ consistent: false, tallyFromChain: { approve: 2, object: 1, abstain: 0, notVoted: 0 } });

      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      let closed;
      let logged: string[];
      try {
        closed = ok(await gateway.gql(CLOSE, { id: ballot.id }, secretariat.token)).closeBallot;
        logged = errors.mock.calls.map((args) => String(args[0])).filter((m) => m.includes(ballot.id));
      } finally {
        errors.mockRestore();
      }
      expect(closed).toMatchObject({
        status: 'CLOSED',
        outcome: 'APPROVED',
        tally: { approve: 2, object: 1, abstain: 0, notVoted: 0 },
      });
      expect(logged).toEqual([
        `Ballot ${ballot.id} closes with current votes that disagree with the vote chain for 2 elector(s): ` +
          'current votes 0/3/0, chain 2/1/0 (approve/object/abstain); the outcome is counted from the chain',
      ]);
      const [row] = await fixtures.query(
        `SELECT outcome, final_approve, final_object, final_abstain, current_votes_agreed FROM ballot WHERE id = $1`,
        [ballot.id],
      );
      expect(row).toEqual({
        outcome: 'APPROVED',
        final_approve: 2,
        final_object: 1,
        final_abstain: 0,
        current_votes_agreed: false,
      });

      const read = ok(await gateway.gql(AUDIT, { id: ballot.id }, observer.token)).ballot;
      expect(read).toMatchObject({ outcome: 'APPROVED', tally: { approve: 2, object: 1, abstain: 0, notVoted: 0 } });
      expect(read.audit).toMatchObject({
        consistent: false,
        head: read.chainHead,
        tallyFromChain: { approve: 2, object: 1, abstain: 0 },
      });
    });

    it('closes a sound ballot with current_vote agreeing with the chain, and says so', async () => {
      const { ballot, members, secretariat } = await openWithVotes(2);
      ok(await castVote(gateway, members[0].token, ballot.id, 'OBJECT', 'No'));
      ok(await castVote(gateway, members[0].token, ballot.id, 'APPROVE'));
      ok(await gateway.gql(CLOSE, { id: ballot.id }, secretariat.token));
      const [row] = await fixtures.query(`SELECT outcome, current_votes_agreed FROM ballot WHERE id = $1`, [ballot.id]);
      expect(row).toEqual({ outcome: 'APPROVED', current_votes_agreed: true });
      expect(ok(await gateway.gql(AUDIT, { id: ballot.id }, members[1].token)).ballot.audit.consistent).toBe(true);
    });
  });

  describe('finding 9: a vote that stands never reports an error', () => {
    it('answers castVote with the committed record, even when the caller names itself differently from PostgreSQL', async () => {
      const { ballot, members } = await openWithVotes(2);
      // A valid token whose subject is the voter's id in capitals: PostgreSQL stores the uuid in lower case,
      // so the record's hash covers the lower-case id, not the string the gateway was given.
      const token = fixtures.token(members[0].id.toUpperCase());
      const result = await castVote(gateway, token, ballot.id, 'OBJECT', 'Not like this');
      const stored = await records(ballot.id);
      expect(stored).toHaveLength(1);
      expect(errorCodes(result)).toEqual([]);
      expect(ok(result).castVote).toEqual({
        receipt: stored[0].hash,
        vote: {
          position: 'OBJECT',
          comment: 'Not like this',
          revision: 1,
          castAt: stored[0].castAt.toISOString(),
          voter: { id: members[0].id },
        },
      });
      expect(
        ok(await gateway.gql(VERIFY, { ballotId: ballot.id, receipt: stored[0].hash }, members[1].token)).verifyBallotReceipt,
      ).toEqual({
        valid: true,
        superseded: false,
        position: 'OBJECT',
        castAt: stored[0].castAt.toISOString(),
      });
    });

    it('encodes records in SQL exactly as in Node: vote_record_hash() on every kind of comment, castAt and revision', async () => {
      const ballotId = '6f1c2a52-1111-4c3b-9a00-000000000001';
      const voterId = '6f1c2a52-2222-4c3b-9a00-000000000002';
      const long = 'Ab€😀'.repeat(2500) + 'e\u0301';
      const cases = [...COMMENTS.map(([, comment]) => comment), 'z'.repeat(10_000), long].flatMap((comment, i) =>
        [1, 2, 7, 1000].map((revision, j) => ({
          prevHash: (i * 4 + j).toString(16).padStart(64, '0'),
          position: ['APPROVE', 'OBJECT', 'ABSTAIN'][j % 3],
          comment,
          castAt: new Date(Date.UTC(2016, 6, 22, 9, 0, i, [0, 1, 999, 500][j])),
          revision,
        })),
      );
      const [{ hashes }] = await fixtures.query<{ hashes: string[] }>(
        `SELECT array_agg(vote_record_hash(c.prev, $1, $2, c.position, c.comment, c.cast_at, c.revision) ORDER BY c.n) AS hashes
           FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[]) WITH ORDINALITY
                AS c(prev, position, comment, cast_at, revision, n)`,
        [
          ballotId,
          voterId,
          cases.map((c) => c.prevHash),
          cases.map((c) => c.position),
          cases.map((c) => c.comment),
          cases.map((c) => c.castAt.toISOString()),
          cases.map((c) => c.revision),
        ],
      );
      expect(cases).toHaveLength(56);
      expect(hashes).toEqual(cases.map((c) => recordHash(c.prevHash, { ballotId, voterId, ...c })));
    });

    it('chains what castVote stored exactly as Node encodes it: every kind of comment, revisions 1..n', async () => {
      const { ballot, members } = await openWithVotes(2);
      const voter = members[1];
      const receipts: string[] = [];
      for (const [i, [, comment]] of COMMENTS.entries()) {
        const position = comment && /\S/.test(comment) && i % 2 ? 'OBJECT' : i % 3 ? 'ABSTAIN' : 'APPROVE';
        const cast = ok(await castVote(gateway, voter.token, ballot.id, position, comment)).castVote;
        expect(cast.vote).toMatchObject({ position, comment, revision: i + 1 });
        receipts.push(cast.receipt);
      }
      const stored = await records(ballot.id);
      expect(stored.map((r) => [r.revision, r.comment])).toEqual(COMMENTS.map(([, comment], i) => [i + 1, comment]));
      expect(stored.map((r) => r.hash)).toEqual(receipts);
      expect(verifyChain(ballot.id, stored)).toMatchObject({ ok: true, head: receipts[receipts.length - 1] });
      const read = ok(await gateway.gql(BALLOT, { id: ballot.id }, voter.token)).ballot;
      expect(read.myVote).toMatchObject({ revision: COMMENTS.length, comment: COMMENTS[COMMENTS.length - 1][1] });
    });
  });
});
