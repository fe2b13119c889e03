import { Injectable } from '@nestjs/common';
import { AccessPolicy, type Action, type Scope } from '@app/identity';
import { type Caller, isUuid, NotFoundError, type RequestContext, setBounded } from '@app/platform';
import type { BallotModel } from './ballot.model';
import { BallotReader } from './ballot-reader.service';

/** How many ballots' scopes are remembered (least recently used dropped first). */
const SCOPES_KEPT = 10_000;

/** Authorises actions on a ballot: NOT_FOUND when it is missing or outside the caller's initiatives. */
@Injectable()
export class BallotAccess {
  /**
   * Ballot id -> its initiative and group. A ballot never moves (its document's initiative and
   * group are fixed), so this needs no change notices, and a vote's access check costs no
   * statement once the ballot has been seen.
   */
  private readonly scopes = new Map<string, Scope>();

  constructor(
    private readonly policy: AccessPolicy,
    private readonly reader: BallotReader,
  ) {}

  /** The ballot, loaded through the request's loaders, once the caller may read it. */
  async readable(ctx: RequestContext, id: string): Promise<BallotModel> {
    this.policy.requireCaller(ctx.caller);
    const ballot = isUuid(id) ? await this.reader.ballotLoader(ctx.loaders).load(id) : null;
    if (!ballot) throw new NotFoundError('Ballot', id);
    await this.policy.authorize(ctx.caller, 'initiative.read', this.remember(id, ballot), { kind: 'Ballot', id });
    return ballot;
  }

  /** Checks `action` on the ballot, without reading the ballot when its scope is known. */
  async authorize(caller: Caller | null, id: string, action: Action): Promise<void> {
    let scope = this.scopes.get(id);
    if (!scope) {
      this.policy.requireCaller(caller);
      const ballot = await this.reader.fetch(id);
      if (!ballot) throw new NotFoundError('Ballot', id);
      scope = this.remember(id, ballot);
    }
    await this.policy.authorize(caller, action, scope, { kind: 'Ballot', id });
  }

  private remember(id: string, ballot: BallotModel): Scope {
    const scope = { initiativeId: ballot.initiativeId, groupId: ballot.workingGroupId };
    setBounded(this.scopes, id, scope, SCOPES_KEPT);
    return scope;
  }
}
