import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { personLoader, PersonModel } from '@app/identity';
import { listOf, type RequestContext } from '@app/platform';
import { InitiativeModel, initiativeLoader, WorkingGroupModel, workingGroupLoader } from '@app/structure';
import { BallotModel } from '../ballots/ballot.model';
import { BallotReader } from '../ballots/ballot-reader.service';
import { DocumentStatus } from '../graphql-enums';
import { DraftTermsOfReferenceInput } from './dto/draft-terms-of-reference.input';
import { ReviseTermsOfReferenceInput } from './dto/revise-terms-of-reference.input';
import { TermsOfReferenceModel, TermsOfReferenceVersionModel } from './terms-of-reference.model';
import { TermsOfReferenceService } from './terms-of-reference.service';
import { TorReader } from './tor-reader.service';

@Resolver(() => TermsOfReferenceModel)
export class TermsOfReferenceResolver {
  constructor(
    private readonly service: TermsOfReferenceService,
    private readonly reader: TorReader,
    private readonly ballots: BallotReader,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => TermsOfReferenceModel, { nullable: true })
  termsOfReference(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<TermsOfReferenceModel> {
    return this.service.byId(ctx, id);
  }

  @Mutation(() => TermsOfReferenceModel, {
    description: "SECRETARIAT for the initiative's own; CHAIR or VICE_CHAIR for their group's. CONFLICT if one already exists.",
  })
  draftTermsOfReference(
    @Args('input', { type: () => DraftTermsOfReferenceInput }) input: DraftTermsOfReferenceInput,
    @Context() ctx: RequestContext,
  ): Promise<TermsOfReferenceModel> {
    return this.service.draft(ctx, input);
  }

  @Mutation(() => TermsOfReferenceVersionModel, { description: 'Adds a version. CONFLICT while a ballot is OPEN.' })
  reviseTermsOfReference(
    @Args('input', { type: () => ReviseTermsOfReferenceInput }) input: ReviseTermsOfReferenceInput,
    @Context() ctx: RequestContext,
  ): Promise<TermsOfReferenceVersionModel> {
    return this.service.revise(ctx, input);
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
