import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, isUuid, NotFoundError } from '@app/platform';
import { CHAIN_RECORD_COLUMNS } from '../ballots/chain-sql';
import { VotePosition } from '../graphql-enums';
import type { CastVoteInput } from './dto/cast-vote.input';
import { type StoredChainRecord, verifyChain } from './hash-chain';
import type { VoteModel } from './vote.model';

export interface CastResult {
  vote: VoteModel;
  receipt: string;
}

export interface Verification {
  valid: boolean;
  superseded: boolean;
  position: VotePosition | null;
  castAt: Date | null;
}

/**
 * Casting votes and verifying receipts. Each cast is one transaction that locks the ballot
 * row FOR UPDATE, checks the electorate and the database clock against closesAt, and appends
 * the vote record to the ballot's hash chain: appends are serialised per ballot, so the chain
 * is linear and sequence numbers and revisions have no gaps.
 */
@Injectable()
export class VotesService {
  constructor(private readonly dataSource: DataSource) {}

  async cast(voterId: string, input: CastVoteInput): Promise<CastResult> {
    const comment = input.comment ?? null;
    if (input.position === VotePosition.OBJECT && (!comment || !/\S/.test(comment))) {
      throw InvalidInputError.field('input.comment', 'is required (non-blank) for OBJECT');
    }
    // One call, outside a transaction: cast_vote() locks the ballot, appends the record to the
    // chain and commits, so the lock is never held across a round trip (migrations 1790000009100,
    // 1790000011000).
    // The answer is the record as committed: nothing is re-derived (and nothing can fail) after
    // the commit. That SQL and Node encode records alike is proven by the e2e test vote-integrity.
    const [s] = (await this.dataSource.query(`SELECT * FROM cast_vote($1, $2, $3, $4)`, [
      input.ballotId,
      voterId,
      input.position,
      comment,
    ])) as {
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
    }[];
    if (!s) throw new NotFoundError('Ballot', input.ballotId);
    if (!s.elector) throw new ForbiddenError('You are not in the electorate of this ballot');
    if (!s.open) throw new ConflictError('The ballot is not OPEN');
    // Open and an elector, yet no record: nothing was written, so failing tells the truth.
    if (!s.inserted) throw new Error(`cast_vote() recorded no vote on ballot ${s.ballotId}`);
    const vote: VoteModel = {
      ballotId: s.ballotId,
      voterId: s.voterId,
      position: input.position,
      comment,
      castAt: s.castAt,
      revision: s.revision,
      seq: s.seq,
    };
    return { vote, receipt: s.hash };
  }

  /** Recomputes the ballot's chain; the receipt is valid when it is a record of a chain that verifies up to its head. */
  async verify(ballotId: string, receipt: string, publishedHead: string | null): Promise<Verification> {
    if (!isUuid(ballotId)) throw new NotFoundError('Ballot', ballotId);
    const records = (await this.dataSource.query(
      `SELECT ${CHAIN_RECORD_COLUMNS} FROM vote_record WHERE ballot_id = $1 ORDER BY seq`,
      [ballotId],
    )) as StoredChainRecord[];
    const check = verifyChain(ballotId, records);
    const target = records.find((r) => r.hash === receipt) ?? null;
    const headOk = publishedHead === null || publishedHead === check.head;
    const superseded = !!target && records.some((r) => r.voterId === target.voterId && r.revision > target.revision);
    return {
      valid: check.ok && headOk && !!target,
      superseded,
      position: (target?.position as VotePosition) ?? null,
      castAt: target?.castAt ?? null,
    };
  }
}
