/** The SQL that reads ballots' vote chains (table vote_record), for the tally, the audit and receipts. */

/** The columns of vote_record (unqualified) as a StoredChainRecord of hash-chain.ts. */
export const CHAIN_RECORD_COLUMNS = `seq, ballot_id AS "ballotId", voter_id AS "voterId", position, comment, cast_at AS "castAt",
  revision, prev_hash AS "prevHash", hash`;

/**
 * The counts of ballots as their vote chains give them: each elector's latest record (highest
 * seq) counts, so the outcome rests on what the hash chain covers. current_vote, kept for
 * reading votes quickly, is compared with those latest records: `disagreements` is the number
 * of electors whose current vote is not their latest record (0 unless someone bypassed
 * cast_vote()). One statement for any number of ballots ($1: their ids).
 */
export const CHAIN_COUNTS_SQL = `
  WITH latest AS (
    SELECT DISTINCT ON (r.ballot_id, r.voter_id) r.ballot_id, r.voter_id, r.id, r.position, r.revision
      FROM vote_record r
     WHERE r.ballot_id = ANY($1::uuid[])
     ORDER BY r.ballot_id, r.voter_id, r.seq DESC),
  current AS (
    SELECT cv.ballot_id, cv.voter_id, cv.record_id, cv.position, cv.revision
      FROM current_vote cv
     WHERE cv.ballot_id = ANY($1::uuid[])),
  pairs AS (
    SELECT coalesce(l.ballot_id, c.ballot_id) AS ballot_id, l.position AS chain_position, c.position AS current_position,
           (l.id IS DISTINCT FROM c.record_id OR l.position IS DISTINCT FROM c.position
            OR l.revision IS DISTINCT FROM c.revision) AS differs
      FROM latest l
      FULL JOIN current c ON c.ballot_id = l.ballot_id AND c.voter_id = l.voter_id)
  SELECT k.id,
         count(*) FILTER (WHERE p.chain_position = 'APPROVE')::int AS approve,
         count(*) FILTER (WHERE p.chain_position = 'OBJECT')::int AS object,
         count(*) FILTER (WHERE p.chain_position = 'ABSTAIN')::int AS abstain,
         count(*) FILTER (WHERE p.current_position = 'APPROVE')::int AS "currentApprove",
         count(*) FILTER (WHERE p.current_position = 'OBJECT')::int AS "currentObject",
         count(*) FILTER (WHERE p.current_position = 'ABSTAIN')::int AS "currentAbstain",
         count(*) FILTER (WHERE p.differs)::int AS disagreements,
         (SELECT r.hash FROM vote_record r WHERE r.ballot_id = k.id ORDER BY r.seq DESC LIMIT 1) AS head
    FROM unnest($1::uuid[]) AS k(id)
    LEFT JOIN pairs p ON p.ballot_id = k.id
   GROUP BY k.id`;

export interface ChainCountsRow {
  id: string;
  approve: number;
  object: number;
  abstain: number;
  currentApprove: number;
  currentObject: number;
  currentAbstain: number;
  disagreements: number;
  /** Hash of the last record; null when no vote was cast. */
  head: string | null;
}
