import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@app/identity';
import { isUuid, NotFoundError, type RequestContext } from '@app/platform';
import type { BallotModel } from './ballot.model';
import { BallotReader } from './ballot-reader.service';

/** Loads a ballot the caller may read: NOT_FOUND when it is missing or outside the caller's initiatives. */
@Injectable()
export class BallotAccess {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly reader: BallotReader,
  ) {}

  async readable(ctx: RequestContext, id: string): Promise<BallotModel> {
    this.policy.requireCaller(ctx.caller);
    const ballot = isUuid(id) ? await this.reader.ballotLoader(ctx.loaders).load(id) : null;
    if (!ballot) throw new NotFoundError('Ballot', id);
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
}
