import { Injectable } from '@nestjs/common';
import { AccessPolicy, type Scope } from '@app/identity';
import { isUuid, NotFoundError, type RequestContext, setBounded } from '@app/platform';
import type { BallotModel } from './ballot.model';
import { BallotReader } from './ballot-reader.service';

/** How many ballots' scopes are remembered (least recently used dropped first). */
const SCOPES_KEPT = 10_000;

/** Loads a ballot the caller may read: NOT_FOUND when it is missing or outside the caller's initiatives. */
@Injectable()
export class BallotAccess {
  /**
   * Ballot id -> its initiative and group. A ballot never moves (its document's initiative and
   * group are fixed), so this needs no change notices: a vote's access check costs no statement
   * once the ballot has been seen (bench/run: castVote went from 3 statements to 1).
   */
  private readonly scopes = new Map<string, Scope>();

  constructor(
    private readonly policy: AccessPolicy,
    private readonly reader: BallotReader,
  ) {}

  async readable(ctx: RequestContext, id: string): Promise<BallotModel> {
    this.policy.requireCaller(ctx.caller);
    const ballot = isUuid(id) ? await this.reader.ballotLoader(ctx.loaders).load(id) : null;
    if (!ballot) throw new NotFoundError('Ballot', id);
    setBounded(this.scopes, id, { initiativeId: ballot.initiativeId, groupId: ballot.workingGroupId }, SCOPES_KEPT);
    await this.policy.authorize(
      ctx.caller,
      'initiative.read',
      { initiativeId: ballot.initiativeId, groupId: ballot.workingGroupId },
      {
        kind: 'Ballot',
        id,
      },
    );
    return ballot;
  }

  /** The check of readable(), without loading the ballot when its scope is known. */
  async authorizeRead(ctx: RequestContext, id: string): Promise<void> {
    const scope = this.scopes.get(id);
    if (!scope) {
      await this.readable(ctx, id);
      return;
    }
    await this.policy.authorize(ctx.caller, 'initiative.read', scope, { kind: 'Ballot', id });
  }
}
