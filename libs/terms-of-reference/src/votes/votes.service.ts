import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@app/identity';
import { type Caller, ConflictError, ForbiddenError, InvalidInputError, NotFoundError, type RequestContext } from '@app/platform';
import { BallotAccess } from '../ballots/ballot-access.service';
import { BallotReader } from '../ballots/ballot-reader.service';
import { VotePosition } from '../graphql-enums';
import type { CastVoteInput } from './dto/cast-vote.input';
import { verifyChain } from './hash-chain';
import type { VoteModel } from './vote.model';
import { VotesRepository } from './votes.repository';

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
 * Casting votes and verifying receipts. A cast is one call of cast_vote(), which locks the ballot
 * row, checks the electorate and the database clock against closesAt, and appends the vote record
 * to the ballot's hash chain: appends are serialised per ballot, so the chain is linear and
 * sequence numbers and revisions have no gaps.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly votes: VotesRepository,
    private readonly access: BallotAccess,
    private readonly ballots: BallotReader,
  ) {}

  /** castVote: a member of the initiative tries; the electorate itself is checked by cast_vote(). */
  async cast(caller: Caller | null, input: CastVoteInput): Promise<CastResult> {
    await this.access.authorize(caller, input.ballotId, 'ballot.vote');
    const voterId = this.policy.requireCaller(caller).personId;
    const comment = input.comment ?? null;
    if (input.position === VotePosition.OBJECT && (!comment || !/\S/.test(comment))) {
      throw InvalidInputError.field('input.comment', 'is required (non-blank) for OBJECT');
    }
    // The answer is the record as committed: nothing is re-derived (and nothing can fail) after
    // the commit. That SQL and Node encode records alike is proven by the vote-integrity tests.
    const s = await this.votes.cast(input.ballotId, voterId, input.position, comment);
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

  /**
   * verifyBallotReceipt: recomputes the ballot's chain; the receipt is valid when it is a record of
   * a chain that verifies up to its head (the published one once the close is persisted).
   */
  async verifyReceipt(ctx: RequestContext, ballotId: string, receipt: string): Promise<Verification> {
    const ballot = await this.access.readable(ctx, ballotId);
    const view = await this.ballots.view(ctx.loaders, ballot);
    const publishedHead = ballot.state === 'CLOSED' ? view.chainHead : null;
    const records = await this.votes.chainRecords([ballot.id]);
    const check = verifyChain(ballot.id, records);
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
