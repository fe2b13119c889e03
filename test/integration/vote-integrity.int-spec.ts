import { recordHash } from '@app/terms-of-reference';
import { useFixtures } from '../support/fixtures';
import { chainRecords, community, storedBallot, VOTE_COMMENTS } from '../support/tor-fixtures';

/**
 * What PostgreSQL itself holds of a ballot's votes: vote_record is append-only, current_vote
 * changes only through cast_vote() and as the chain says, and vote_record_hash() encodes a
 * record exactly as Node does (tools/verify-ballot.mjs and the receipts rely on both).
 */
describe('vote integrity in PostgreSQL: the chain, cast_vote() and vote_record_hash()', () => {
  const fixtures = useFixtures();

  /** An OPEN ballot whose electors are the initiative's MEMBERs. */
  async function openWithVotes(members = 3) {
    const c = await community(fixtures, members);
    const ballot = await storedBallot(fixtures, {
      initiativeId: c.initiative.id,
      openedBy: c.secretariat.id,
      electorIds: c.members.map((m) => m.id),
    });
    return { ...c, ballot };
  }

  /** A vote as castVote records it: through cast_vote(), the one writer of current_vote. */
  async function vote(ballotId: string, voterId: string, position: string, comment: string | null = null) {
    const [cast] = await fixtures.query<{ revision: number; inserted: boolean }>(
      `SELECT revision, inserted FROM cast_vote($1, $2, $3, $4)`,
      [ballotId, voterId, position, comment],
    );
    expect(cast.inserted).toBe(true);
    return cast;
  }

  const records = (ballotId: string) => chainRecords(fixtures, ballotId);

  describe('the tally is covered by the chain', () => {
    it('keeps vote_record append-only: UPDATE, DELETE and TRUNCATE are refused, also for its owner, a superuser', async () => {
      const { ballot, members } = await openWithVotes(2);
      await vote(ballot.id, members[0].id, 'APPROVE');
      await vote(ballot.id, members[1].id, 'OBJECT', 'No');
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
      await vote(ballot.id, members[0].id, 'APPROVE');
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
      expect(await vote(ballot.id, members[0].id, 'ABSTAIN')).toEqual({ revision: 2, inserted: true });
      expect(await current()).toEqual([{ voter_id: members[0].id, position: 'ABSTAIN', revision: 2 }]);
    });
  });

  describe('a vote that stands is encoded the same in SQL and in Node', () => {
    it('encodes records in SQL exactly as in Node: vote_record_hash() on every kind of comment, castAt and revision', async () => {
      const ballotId = '6f1c2a52-1111-4c3b-9a00-000000000001';
      const voterId = '6f1c2a52-2222-4c3b-9a00-000000000002';
      const long = 'Ab€😀'.repeat(2500) + 'e\u0301';
      const cases = [...VOTE_COMMENTS.map(([, comment]) => comment), 'z'.repeat(10_000), long].flatMap((comment, i) =>
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
  });
});
