import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CastVoteFunction1790000009100 } from './1790000009100-cast-vote-function';

/** Set by cast_vote()'s SET clause for the duration of the call: the one writer of current_vote. */
export const CAST_VOTE_SETTING = 'wgcollab.cast_vote';

/**
 * Vote integrity (issue 12, findings 8 and 9).
 *
 * - vote_record_hash(): the record encoding of the hash chain in SQL, in one place. Node's is
 *   tools/verify-ballot.mjs; the e2e test `vote-integrity` proves both agree (null, empty,
 *   unicode, long and control-character comments, revisions).
 * - vote_record is append-only: UPDATE and DELETE (row triggers, so cascades that delete nothing
 *   pass) and TRUNCATE (statement trigger) are refused, for the table owner and superusers too;
 *   only disabling the trigger (ALTER TABLE, owner only) gets around it, visibly.
 * - current_vote changes only inside cast_vote(): the function's SET clause turns the setting on
 *   while it runs (and restores it on exit, even in a longer transaction); a row trigger refuses
 *   INSERT and UPDATE without it, and DELETE and TRUNCATE always. As a session could set it by
 *   hand, a second trigger checks every written row against the chain: a current vote is its
 *   voter's latest record (same record, position and revision).
 * - cast_vote() returns the record it committed (voter id as stored), so castVote answers with
 *   what stands instead of re-deriving it in Node.
 * - ballot.current_votes_agreed: whether current_vote agreed with the chain when the ballot was
 *   closed (the outcome is counted from the chain either way); NULL for ballots closed before.
 */
export class VoteIntegrity1790000011000 implements MigrationInterface {
  name = 'VoteIntegrity1790000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION vote_record_hash(p_prev_hash text, p_ballot uuid, p_voter uuid, p_position text, p_comment text,
                                       p_cast_at timestamptz, p_revision int)
      RETURNS text LANGUAGE sql STABLE AS $fn$
        SELECT encode(sha256(convert_to(p_prev_hash || E'\\n' || '[' || to_json(p_ballot::text)::text
                 || ',' || to_json(p_voter::text)::text || ',' || to_json(p_position)::text
                 || ',' || coalesce(to_json(p_comment)::text, 'null')
                 || ',' || to_json(to_char(p_cast_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
                 || ',' || p_revision::text || ']', 'UTF8')), 'hex')
      $fn$`);

    await q.query(`
      CREATE FUNCTION refuse_vote_record_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'vote_record is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'Vote records form the ballots'' hash chains; a vote is changed by casting it again.';
      END
      $fn$`);
    await q.query(`
      CREATE TRIGGER vote_record_append_only BEFORE UPDATE OR DELETE ON vote_record
        FOR EACH ROW EXECUTE FUNCTION refuse_vote_record_change()`);
    await q.query(`
      CREATE TRIGGER vote_record_no_truncate BEFORE TRUNCATE ON vote_record
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_vote_record_change()`);

    await q.query(`
      CREATE FUNCTION current_vote_only_through_cast_vote() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('DELETE', 'TRUNCATE') OR current_setting('${CAST_VOTE_SETTING}', true) IS DISTINCT FROM 'on' THEN
          RAISE EXCEPTION 'current_vote changes only through cast_vote(): % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $fn$`);
    await q.query(`
      CREATE TRIGGER current_vote_through_cast_vote BEFORE INSERT OR UPDATE OR DELETE ON current_vote
        FOR EACH ROW EXECUTE FUNCTION current_vote_only_through_cast_vote()`);
    await q.query(`
      CREATE TRIGGER current_vote_no_truncate BEFORE TRUNCATE ON current_vote
        FOR EACH STATEMENT EXECUTE FUNCTION current_vote_only_through_cast_vote()`);
    // Whoever writes (a session can set the setting by hand), a current vote must be the voter's
    // latest record: checked after the statement, when cast_vote()'s record is visible.
    await q.query(`
      CREATE FUNCTION current_vote_follows_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM vote_record r
           WHERE r.id = NEW.record_id AND r.ballot_id = NEW.ballot_id AND r.voter_id = NEW.voter_id
             AND r.position = NEW.position AND r.revision = NEW.revision
             AND NOT EXISTS (SELECT 1 FROM vote_record later
                              WHERE later.ballot_id = r.ballot_id AND later.voter_id = r.voter_id AND later.revision > r.revision))
        THEN
          RAISE EXCEPTION 'current_vote must be the voter''s latest vote record: % refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await q.query(`
      CREATE TRIGGER current_vote_follows_chain AFTER INSERT OR UPDATE ON current_vote
        FOR EACH ROW EXECUTE FUNCTION current_vote_follows_chain()`);

    await q.query(`ALTER TABLE ballot ADD COLUMN current_votes_agreed boolean`);

    await q.query(`DROP FUNCTION cast_vote(uuid, uuid, text, text)`);
    await q.query(`
      CREATE FUNCTION cast_vote(p_ballot uuid, p_voter uuid, p_position text, p_comment text)
      RETURNS TABLE ("ballotId" uuid, "voterId" uuid, open boolean, elector boolean, "castAt" timestamptz, seq int,
                     revision int, "prevHash" text, hash text, inserted boolean)
      LANGUAGE plpgsql VOLATILE
      SET ${CAST_VOTE_SETTING} = 'on'
      AS $fn$
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
          SELECT s.*, vote_record_hash(s.prev_hash, s.id, p_voter, p_position, p_comment, s.at, s.revision) AS hash FROM s),
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
        SELECT h.id, p_voter, h.open, h.elector, h.at, h.seq, h.revision, h.prev_hash, h.hash,
               (SELECT count(*) FROM ins) = 1 AND (SELECT count(*) FROM cur) = 1
          FROM h;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION cast_vote(uuid, uuid, text, text)`);
    await new CastVoteFunction1790000009100().up(q);
    await q.query(`ALTER TABLE ballot DROP COLUMN current_votes_agreed`);
    await q.query(`DROP TRIGGER current_vote_follows_chain ON current_vote`);
    await q.query(`DROP FUNCTION current_vote_follows_chain()`);
    await q.query(`DROP TRIGGER current_vote_no_truncate ON current_vote`);
    await q.query(`DROP TRIGGER current_vote_through_cast_vote ON current_vote`);
    await q.query(`DROP FUNCTION current_vote_only_through_cast_vote()`);
    await q.query(`DROP TRIGGER vote_record_no_truncate ON vote_record`);
    await q.query(`DROP TRIGGER vote_record_append_only ON vote_record`);
    await q.query(`DROP FUNCTION refuse_vote_record_change()`);
    await q.query(`DROP FUNCTION vote_record_hash(text, uuid, uuid, text, text, timestamptz, int)`);
  }
}
