import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@app/identity';
import { InvalidInputError, isUuid, LoaderRegistry, NotFoundError } from '@app/platform';
import { WorkingGroupsReader } from '@app/structure';
import { BallotReader, TorReader } from '@app/terms-of-reference';
import { WorkPlansReader } from '@app/work-plans';

/** The ids an agenda item or a decision may point at; each must be of the meeting's initiative. */
export interface LinkIds {
  presenterId?: string | null;
  termsOfReferenceId?: string | null;
  ballotId?: string | null;
  workPlanId?: string | null;
}

/**
 * Checks links through the other domains' exported readers (never their tables): a document,
 * ballot or plan of another initiative is NOT_FOUND, as if it did not exist (as everywhere); a
 * presenter who is not a member of the initiative is BAD_USER_INPUT on its field.
 */
@Injectable()
export class AgendaLinks {
  constructor(
    private readonly access: AccessPolicy,
    private readonly tors: TorReader,
    private readonly ballots: BallotReader,
    private readonly plans: WorkPlansReader,
    private readonly groups: WorkingGroupsReader,
  ) {}

  async require(initiativeId: string, links: LinkIds, prefix: string): Promise<void> {
    const loaders = new LoaderRegistry();
    if (links.presenterId) {
      const roles = isUuid(links.presenterId) ? await this.access.rolesOf(links.presenterId, { initiativeId }) : null;
      if (!roles?.initiative) throw InvalidInputError.field(`${prefix}presenterId`, 'must be a member of the initiative');
    }
    if (links.termsOfReferenceId) {
      const tor = await this.tors.torLoader(loaders).load(links.termsOfReferenceId);
      if (tor?.initiativeId !== initiativeId) throw new NotFoundError('Terms of reference', links.termsOfReferenceId);
    }
    if (links.ballotId) {
      const ballot = await this.ballots.ballotLoader(loaders).load(links.ballotId);
      if (ballot?.initiativeId !== initiativeId) throw new NotFoundError('Ballot', links.ballotId);
    }
    if (links.workPlanId) {
      const plan = await this.plans.plan(loaders).load(links.workPlanId);
      const group = plan ? await this.groups.workingGroup(plan.workingGroupId) : null;
      if (group?.initiativeId !== initiativeId) throw new NotFoundError('Work plan', links.workPlanId);
    }
  }
}
