import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows } from '@app/platform';
import { CHAIN_RECORD_COLUMNS } from '../ballots/chain-sql';
import type { VotePosition } from '../graphql-enums';
import type { StoredChainRecord } from './hash-chain';
import type { VoteModel } from './vote.model';

const VOTE_COLUMNS = `r.ballot_id AS "ballotId", r.voter_id AS "voterId", r.position, r.comment, r.cast_at AS "castAt",
  r.revision, r.seq`;

/** What cast_vote() answers: the record it committed, or why it wrote none. */
export interface CastRow {
  ballotId: string;
  voterId: string;
  open: boolean;
  elector: boolean;
  castAt: Date;
  seq: number;
  revision: number;
  prevHash: string;
  hash: string;
  inserted: boolean;
}

/**
 * vote_record (each ballot's append-only hash chain) and current_vote (each voter's latest
 * record, for reading votes quickly). Both are written only by cast_vote().
 */
@Injectable()
export class VotesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One call, outside a transaction: cast_vote() locks the ballot, appends the record to the
   * chain and commits, so the lock is never held across a round trip. No row when the ballot
   * does not exist.
   */
  cast(
    ballotId: string,
    voterId: string,
    position: VotePosition,
    comment: string | null,
    db: Queryable = this.dataSource,
  ): Promise<CastRow | null> {
    return one<CastRow>(db, `SELECT * FROM cast_vote($1, $2, $3, $4)`, [ballotId, voterId, position, comment]);
  }

  /** The records of the ballots' chains, by ballot and in sequence order. */
  chainRecords(ballotIds: string[], db: Queryable = this.dataSource): Promise<StoredChainRecord[]> {
    return rows<StoredChainRecord>(
      db,
      `SELECT ${CHAIN_RECORD_COLUMNS} FROM vote_record WHERE ballot_id = ANY($1::uuid[]) ORDER BY ballot_id, seq`,
      [ballotIds],
    );
  }

  /** The person's current votes on the ballots. */
  currentOfVoter(ballotIds: string[], personId: string, db: Queryable = this.dataSource): Promise<VoteModel[]> {
    return rows<VoteModel>(
      db,
      `SELECT ${VOTE_COLUMNS} FROM current_vote cv JOIN vote_record r ON r.id = cv.record_id
        WHERE cv.ballot_id = ANY($1::uuid[]) AND cv.voter_id = $2`,
      [ballotIds, personId],
    );
  }

  /** The ballots, among these, whose electorate includes the person. */
  async electedIn(ballotIds: string[], personId: string, db: Queryable = this.dataSource): Promise<Set<string>> {
    const found = await rows<{ ballotId: string }>(
      db,
      `SELECT ballot_id AS "ballotId" FROM ballot_elector WHERE ballot_id = ANY($1::uuid[]) AND person_id = $2`,
      [ballotIds, personId],
    );
    return new Set(found.map((r) => r.ballotId));
  }

  /** How many current votes each ballot has (ballots without any are absent). */
  async currentTotals(ballotIds: string[], db: Queryable = this.dataSource): Promise<Map<string, number>> {
    const found = await rows<{ ballotId: string; total: number }>(
      db,
      `SELECT ballot_id AS "ballotId", count(*)::int AS total FROM current_vote WHERE ballot_id = ANY($1::uuid[]) GROUP BY ballot_id`,
      [ballotIds],
    );
    return new Map(found.map((c) => [c.ballotId, c.total]));
  }

  /** Up to `limit` current votes per ballot after the chain sequence `afterSeq`, in the order they were cast. */
  currentPages(
    ballotIds: string[],
    afterSeq: number | null,
    limit: number,
    db: Queryable = this.dataSource,
  ): Promise<VoteModel[]> {
    return rows<VoteModel>(
      db,
      `SELECT * FROM (
         SELECT ${VOTE_COLUMNS}, row_number() OVER (PARTITION BY cv.ballot_id ORDER BY r.seq) AS n
           FROM current_vote cv JOIN vote_record r ON r.id = cv.record_id
          WHERE cv.ballot_id = ANY($1::uuid[]) AND ($2::int IS NULL OR r.seq > $2)) x
        WHERE n <= $3 ORDER BY "ballotId", seq`,
      [ballotIds, afterSeq, limit],
    );
  }
}
