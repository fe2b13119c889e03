import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * castVote as one server-side call (bench/run, issue 7). Votes on one ballot are serialised by
 * locking the ballot row; when the lock was taken by one statement and the vote appended by
 * the next ones, the lock stayed held across several round trips to a busy gateway, and one
 * ballot took about 65 votes/s. cast_vote() takes the lock, then (a new snapshot, so it sees the
 * vote committed just before) reads the clock, the state, the electorate and the chain's last
 * record, computes the record's hash with the canonical encoding of
 * libs/terms-of-reference/src/votes/hash-chain.ts (the service re-checks it in Node) and
 * appends the record and the current vote. Called outside a transaction, the lock is held for
 * the call and its commit only. Nothing is written unless the ballot is OPEN and the voter an
 * elector; no row comes back when the ballot does not exist.
 */
export class CastVoteFunction1790000009100 implements MigrationInterface {
  name = 'CastVoteFunction1790000009100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cast_vote(p_ballot uuid, p_voter uuid, p_position text, p_comment text)
      RETURNS TABLE ("ballotId" uuid, open boolean, elector boolean, "castAt" timestamptz, seq int, revision int,
                     "prevHash" text, hash text, inserted boolean)
      LANGUAGE plpgsql VOLATILE AS $fn$
      #variable_conflict use_column
      BEGIN
        PERFORM 1 FROM ballot b WHERE b.id = p_ballot FOR UPDATE;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        RETURN QUERY
        WITH s AS (
          SELECT b.id, (b.state = 'OPEN' AND c.at < b.closes_at) AS open, c.at,
                 EXISTS (SELECT 1 FROM ballot_elector e WHERE e.ballot_id = b.id AND e.person_id = p_voter) AS elector,
                 coalesce(last.seq, 0) + 1 AS seq,
                 coalesce(last.hash, encode(sha256(convert_to('ballot:' || b.id::text, 'UTF8')), 'hex')) AS prev_hash,
                 coalesce((SELECT max(r.revision) FROM vote_record r WHERE r.ballot_id = b.id AND r.voter_id = p_voter), 0) + 1 AS revision
            FROM ballot b
           CROSS JOIN (SELECT date_trunc('milliseconds', clock_timestamp()) AS at) c
            LEFT JOIN LATERAL (SELECT r.seq, r.hash FROM vote_record r WHERE r.ballot_id = b.id ORDER BY r.seq DESC LIMIT 1) last ON true
           WHERE b.id = p_ballot),
        h AS (
          SELECT s.*, encode(sha256(convert_to(s.prev_hash || E'\\n' || '[' || to_json(s.id::text)::text
                   || ',' || to_json(p_voter::text)::text || ',' || to_json(p_position)::text
                   || ',' || coalesce(to_json(p_comment)::text, 'null')
                   || ',' || to_json(to_char(s.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
                   || ',' || s.revision::text || ']', 'UTF8')), 'hex') AS hash
            FROM s),
        ins AS (
          INSERT INTO vote_record (ballot_id, seq, voter_id, position, comment, cast_at, revision, prev_hash, hash)
          SELECT h.id, h.seq, p_voter, p_position, p_comment, h.at, h.revision, h.prev_hash, h.hash FROM h WHERE h.open AND h.elector
          RETURNING vote_record.id, vote_record.ballot_id, vote_record.revision),
        cur AS (
          INSERT INTO current_vote (ballot_id, voter_id, record_id, position, revision)
          SELECT ins.ballot_id, p_voter, ins.id, p_position, ins.revision FROM ins
          ON CONFLICT (ballot_id, voter_id) DO UPDATE
            SET record_id = EXCLUDED.record_id, position = EXCLUDED.position, revision = EXCLUDED.revision
          RETURNING 1)
        SELECT h.id, h.open, h.elector, h.at, h.seq, h.revision, h.prev_hash, h.hash,
               (SELECT count(*) FROM ins) = 1 AND (SELECT count(*) FROM cur) = 1
          FROM h;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION cast_vote(uuid, uuid, text, text)`);
  }
}
