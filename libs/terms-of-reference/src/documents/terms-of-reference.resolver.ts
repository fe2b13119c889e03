import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AccessPolicy, type Action, personLoader, PersonModel } from '@app/identity';
import { isUuid, listOf, NotFoundError, type RequestContext } from '@app/platform';
import { InitiativeModel, initiativeLoader, WorkingGroupModel, workingGroupLoader } from '@app/structure';
import { BallotModel } from '../ballots/ballot.model';
import { BallotReader } from '../ballots/ballot-reader.service';
import { DocumentStatus } from '../graphql-enums';
import { DraftTermsOfReferenceInput } from './dto/draft-terms-of-reference.input';
import { ReviseTermsOfReferenceInput } from './dto/revise-terms-of-reference.input';
import { TermsOfReferenceModel, TermsOfReferenceVersionModel } from './terms-of-reference.model';
import { TermsOfReferenceService } from './terms-of-reference.service';
import { TorReader } from './tor-reader.service';

/** The edit action for a document: the initiative's own, or a working group's. */
export const torEditAction = (tor: { workingGroupId?: string | null }): Action =>
  tor.workingGroupId ? 'groupTor.edit' : 'initiativeTor.edit';

@Resolver(() => TermsOfReferenceModel)
export class TermsOfReferenceResolver {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly service: TermsOfReferenceService,
    private readonly reader: TorReader,
    private readonly ballots: BallotReader,
    private readonly dataSource: DataSource,
  ) {}

  /** Loads a document the caller may read: NOT_FOUND when it does not exist or the caller is outside its initiative. */
  private async readable(ctx: RequestContext, id: string): Promise<TermsOfReferenceModel> {
    this.policy.requireCaller(ctx.caller);
    const tor = isUuid(id) ? await this.reader.torLoader(ctx.loaders).load(id) : null;
    if (!tor) throw new NotFoundError('Terms of reference', id);
    await this.policy.authorize(
      ctx.caller,
      'initiative.read',
      { initiativeId: tor.initiativeId, groupId: tor.workingGroupId },
      {
        kind: 'Terms of reference',
        id,
      },
    );
    return tor;
  }

  @Query(() => TermsOfReferenceModel, { nullable: true })
  termsOfReference(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<TermsOfReferenceModel> {
    return this.readable(ctx, id);
  }

  @Mutation(() => TermsOfReferenceModel, {
    description: "SECRETARIAT for the initiative's own; CHAIR or VICE_CHAIR for their group's. CONFLICT if one already exists.",
  })
  async draftTermsOfReference(
    @Args('input', { type: () => DraftTermsOfReferenceInput }) input: DraftTermsOfReferenceInput,
    @Context() ctx: RequestContext,
  ): Promise<TermsOfReferenceModel> {
    const caller = this.policy.requireCaller(ctx.caller);
    if (!isUuid(input.initiativeId)) throw new NotFoundError('Initiative', input.initiativeId);
    const groupId = input.workingGroupId ?? null;
    if (groupId !== null) {
      const [group] = isUuid(groupId)
        ? ((await this.dataSource.query(`SELECT id FROM working_group WHERE id = $1 AND initiative_id = $2`, [
            groupId,
            input.initiativeId,
          ])) as unknown[])
        : [];
      if (!group) {
        // Outsiders learn nothing about the initiative either way.
        await this.policy.authorize(
          caller,
          'initiative.read',
          { initiativeId: input.initiativeId },
          { kind: 'Initiative', id: input.initiativeId },
        );
        throw new NotFoundError('Working group', groupId);
      }
    }
    await this.policy.authorize(
      caller,
      torEditAction({ workingGroupId: groupId }),
      { initiativeId: input.initiativeId, groupId },
      {
        kind: groupId ? 'Working group' : 'Initiative',
        id: groupId ?? input.initiativeId,
      },
    );
    const id = await this.service.draft(caller.personId, input);
    return (await this.reader.fetch(id)) as TermsOfReferenceModel;
  }

  @Mutation(() => TermsOfReferenceVersionModel, { description: 'Adds a version. CONFLICT while a ballot is OPEN.' })
  async reviseTermsOfReference(
    @Args('input', { type: () => ReviseTermsOfReferenceInput }) input: ReviseTermsOfReferenceInput,
    @Context() ctx: RequestContext,
  ): Promise<TermsOfReferenceVersionModel> {
    const tor = await this.readable(ctx, input.termsOfReferenceId);
    await this.policy.authorize(
      ctx.caller,
      torEditAction(tor),
      { initiativeId: tor.initiativeId, groupId: tor.workingGroupId },
      {
        kind: 'Terms of reference',
        id: tor.id,
      },
    );
    const versionId = await this.service.revise(this.policy.requireCaller(ctx.caller).personId, input);
    return (await this.reader.fetchVersion(versionId)) as TermsOfReferenceVersionModel;
  }

  @ResolveField('initiative', () => InitiativeModel)
  async initiative(@Parent() tor: TermsOfReferenceModel, @Context() ctx: RequestContext): Promise<InitiativeModel> {
    return (await initiativeLoader(ctx.loaders, this.dataSource).load(tor.initiativeId)) as InitiativeModel;
  }

  @ResolveField('workingGroup', () => WorkingGroupModel, {
    nullable: true,
    description: "null for the initiative's own terms of reference.",
  })
  async workingGroup(@Parent() tor: TermsOfReferenceModel, @Context() ctx: RequestContext): Promise<WorkingGroupModel | null> {
    return tor.workingGroupId ? workingGroupLoader(ctx.loaders, this.dataSource).load(tor.workingGroupId) : null;
  }

  @ResolveField('status', () => DocumentStatus)
  status(@Parent() tor: TermsOfReferenceModel, @Context() ctx: RequestContext): Promise<DocumentStatus> {
    return this.ballots.documentStatus(ctx.loaders, tor);
  }

  @ResolveField('versions', () => [TermsOfReferenceVersionModel], { description: 'Oldest first.', complexity: listOf(100) })
  versions(@Parent() tor: TermsOfReferenceModel, @Context() ctx: RequestContext): Promise<TermsOfReferenceVersionModel[]> {
    return this.reader.versionsOfTorLoader(ctx.loaders).load(tor.id);
  }

  @ResolveField('currentVersion', () => TermsOfReferenceVersionModel)
  async currentVersion(
    @Parent() tor: TermsOfReferenceModel,
    @Context() ctx: RequestContext,
  ): Promise<TermsOfReferenceVersionModel> {
    const versions = await this.reader.versionsOfTorLoader(ctx.loaders).load(tor.id);
    return versions[versions.length - 1];
  }

  @ResolveField('approvedVersion', () => TermsOfReferenceVersionModel, {
    nullable: true,
    description: 'The version in force: the newest version that a ballot approved.',
  })
  async approvedVersion(
    @Parent() tor: TermsOfReferenceModel,
    @Context() ctx: RequestContext,
  ): Promise<TermsOfReferenceVersionModel | null> {
    // A ballot past its closesAt whose job has not run yet counts as decided.
    const open =
      tor.storedStatus === DocumentStatus.UNDER_BALLOT
        ? await this.ballots.openBallotOfTorLoader(ctx.loaders).load(tor.id)
        : null;
    if (open?.expired && (await this.ballots.view(ctx.loaders, open)).outcome === 'APPROVED') {
      return this.reader.versionLoader(ctx.loaders).load(open.versionId);
    }
    const approved = await this.reader.approvedVersionIdLoader(ctx.loaders).load(tor.id);
    return approved ? this.reader.versionLoader(ctx.loaders).load(approved.versionId) : null;
  }

  @ResolveField('ballots', () => [BallotModel], { description: 'Newest first.', complexity: listOf(100) })
  ballotsOf(@Parent() tor: TermsOfReferenceModel, @Context() ctx: RequestContext): Promise<BallotModel[]> {
    return this.ballots.ballotsOfTorLoader(ctx.loaders).load(tor.id);
  }
}

@Resolver(() => TermsOfReferenceVersionModel)
export class TermsOfReferenceVersionResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField('author', () => PersonModel)
  async author(@Parent() version: TermsOfReferenceVersionModel, @Context() ctx: RequestContext): Promise<PersonModel> {
    return (await personLoader(ctx.loaders, this.dataSource).load(version.authorId)) as PersonModel;
  }
}

/** Initiative.termsOfReference (the parent was authorised by the structure resolvers). */
@Resolver(() => InitiativeModel)
export class InitiativeTermsOfReferenceResolver {
  constructor(private readonly reader: TorReader) {}

  @ResolveField('termsOfReference', () => TermsOfReferenceModel, {
    nullable: true,
    description: 'The initiative-level terms of reference, if drafted.',
  })
  termsOfReference(@Parent() initiative: InitiativeModel, @Context() ctx: RequestContext): Promise<TermsOfReferenceModel | null> {
    return this.reader.torOfInitiativeLoader(ctx.loaders).load(initiative.id);
  }
}

/** WorkingGroup.termsOfReference. */
@Resolver(() => WorkingGroupModel)
export class WorkingGroupTermsOfReferenceResolver {
  constructor(private readonly reader: TorReader) {}

  @ResolveField('termsOfReference', () => TermsOfReferenceModel, { nullable: true })
  termsOfReference(@Parent() group: WorkingGroupModel, @Context() ctx: RequestContext): Promise<TermsOfReferenceModel | null> {
    return this.reader.torOfGroupLoader(ctx.loaders).load(group.id);
  }
}
