import { DATA_CHANGED_CHANNEL } from './migrations/1790000009200-data-changed-notify';
import { CAST_VOTE_SETTING } from './migrations/1790000011000-vote-integrity';

/**
 * The current body of every SQL function the schema uses, in one readable place. A migration
 * applies them with `CREATE OR REPLACE` (migration SqlFunctions1790000020000); to change a function,
 * edit it here and add a migration that applies it again. Older migrations keep the text they ran.
 */
export interface SqlFunction {
  name: string;
  /** A complete `CREATE OR REPLACE FUNCTION ...` statement. */
  sql: string;
}

/**
 * The record encoding of a ballot's hash chain in SQL. Node's is hash-chain.ts of
 * terms-of-reference (and tools/verify-ballot.mjs); the vote-integrity tests prove they agree.
 */
export const VOTE_RECORD_HASH: SqlFunction = {
  name: 'vote_record_hash',
  sql: `
    CREATE OR REPLACE FUNCTION vote_record_hash(p_prev_hash text, p_ballot uuid, p_voter uuid, p_position text, p_comment text,
                                                p_cast_at timestamptz, p_revision int)
    RETURNS text LANGUAGE sql STABLE AS $fn$
      SELECT encode(sha256(convert_to(p_prev_hash || E'\\n' || '[' || to_json(p_ballot::text)::text
               || ',' || to_json(p_voter::text)::text || ',' || to_json(p_position)::text
               || ',' || coalesce(to_json(p_comment)::text, 'null')
               || ',' || to_json(to_char(p_cast_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
               || ',' || p_revision::text || ']', 'UTF8')), 'hex')
    $fn$`,
};

/** vote_record is append-only: its triggers refuse UPDATE, DELETE and TRUNCATE, for every role. */
export const REFUSE_VOTE_RECORD_CHANGE: SqlFunction = {
  name: 'refuse_vote_record_change',
  sql: `
    CREATE OR REPLACE FUNCTION refuse_vote_record_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION 'vote_record is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Vote records form the ballots'' hash chains; a vote is changed by casting it again.';
    END
    $fn$`,
};

/**
 * current_vote changes only inside cast_vote(), whose SET clause turns the setting on while it
 * runs: without it INSERT and UPDATE are refused, DELETE and TRUNCATE always.
 */
export const CURRENT_VOTE_ONLY_THROUGH_CAST_VOTE: SqlFunction = {
  name: 'current_vote_only_through_cast_vote',
  sql: `
    CREATE OR REPLACE FUNCTION current_vote_only_through_cast_vote() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP IN ('DELETE', 'TRUNCATE') OR current_setting('${CAST_VOTE_SETTING}', true) IS DISTINCT FROM 'on' THEN
        RAISE EXCEPTION 'current_vote changes only through cast_vote(): % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END
    $fn$`,
};

/**
 * A session can set the setting by hand, so every written current vote is also checked against
 * the chain: it must be its voter's latest record (same record, position and revision).
 */
export const CURRENT_VOTE_FOLLOWS_CHAIN: SqlFunction = {
  name: 'current_vote_follows_chain',
  sql: `
    CREATE OR REPLACE FUNCTION current_vote_follows_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
    $fn$`,
};

/**
 * castVote in one round trip. It locks the ballot row (votes on one ballot are serialised, so the
 * chain is linear), then, in a new snapshot that sees the vote committed just before, reads the
 * database clock, the state, the electorate and the chain's last record, and appends the record
 * and the voter's current vote. Nothing is written unless the ballot is OPEN before closesAt and
 * the voter an elector; no row comes back when the ballot does not exist. It returns the record as
 * committed, so the caller re-derives nothing. Called outside a transaction, the lock is held for
 * the call and its commit only.
 */
export const CAST_VOTE: SqlFunction = {
  name: 'cast_vote',
  sql: `
    CREATE OR REPLACE FUNCTION cast_vote(p_ballot uuid, p_voter uuid, p_position text, p_comment text)
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
    $fn$`,
};

/**
 * The statement-level trigger function of every GraphQL-visible table: NOTIFY with the table's
 * name, delivered when (and only if) the transaction commits, so the gateways' caches forget what
 * changed whoever changed it.
 */
export const NOTIFY_DATA_CHANGED: SqlFunction = {
  name: 'notify_data_changed',
  sql: `
    CREATE OR REPLACE FUNCTION notify_data_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM pg_notify('${DATA_CHANGED_CHANNEL}', TG_TABLE_NAME);
      RETURN NULL;
    END
    $fn$`,
};

/**
 * Text folded for search: lower case, accents dropped (NFD, then the combining marks removed), so
 * "Societe" finds "Société". IMMUTABLE, so generated columns and indexes may use it.
 */
export const FOLD_SEARCH_TEXT: SqlFunction = {
  name: 'fold_search_text',
  sql: `
    CREATE OR REPLACE FUNCTION fold_search_text(p_text text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
      SELECT regexp_replace(normalize(lower(p_text), NFD), '[\\u0300-\\u036f]', '', 'g')
    $fn$`,
};

/** Every function, in an order that creates a function before one that calls it. */
export const SQL_FUNCTIONS: readonly SqlFunction[] = [
  VOTE_RECORD_HASH,
  REFUSE_VOTE_RECORD_CHANGE,
  CURRENT_VOTE_ONLY_THROUGH_CAST_VOTE,
  CURRENT_VOTE_FOLLOWS_CHAIN,
  CAST_VOTE,
  NOTIFY_DATA_CHANGED,
  FOLD_SEARCH_TEXT,
];
