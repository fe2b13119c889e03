import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { personLoader, PersonModel } from '@app/identity';
import { listOf, type RequestContext } from '@app/platform';
import { TermsOfReferenceModel, TermsOfReferenceVersionModel, TorReader } from '@app/terms-of-reference';
import { AmendmentModel, AmendmentStatus } from './amendment.model';
import { AmendmentsService } from './amendments.service';
import { AcceptAmendmentsInput } from './dto/accept-amendments.input';
import { ProposeAmendmentInput } from './dto/propose-amendment.input';

/** Amendments a document lists, priced as at most this many. */
const MAX_AMENDMENTS_LISTED = 1000;

@Resolver(() => AmendmentModel)
export class AmendmentsResolver {
  constructor(
    private readonly service: AmendmentsService,
    private readonly tors: TorReader,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => AmendmentModel, { nullable: true })
  amendment(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<AmendmentModel> {
    return this.service.amendment(ctx, id);
  }

  @Mutation(() => AmendmentModel, { description: 'Those who may comment. CONFLICT while a ballot on the document is OPEN.' })
  proposeAmendment(
    @Args('input', { type: () => ProposeAmendmentInput }) input: ProposeAmendmentInput,
    @Context() ctx: RequestContext,
  ): Promise<AmendmentModel> {
    return this.service.propose(ctx, input);
  }

  @Mutation(() => TermsOfReferenceVersionModel, {
    description:
      'Those who may revise the document: one new version taking in every listed PROPOSED amendment. CONFLICT when one was proposed against an older version, two touch the same paragraph, or a ballot is OPEN.',
  })
  acceptAmendments(
    @Args('input', { type: () => AcceptAmendmentsInput }) input: AcceptAmendmentsInput,
    @Context() ctx: RequestContext,
  ): Promise<TermsOfReferenceVersionModel> {
    return this.service.accept(ctx, input);
  }

  @Mutation(() => AmendmentModel, { description: 'Those who may revise the document.' })
  rejectAmendment(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
    @Context() ctx: RequestContext,
  ): Promise<AmendmentModel> {
    return this.service.reject(ctx, id, reason);
  }

  @Mutation(() => AmendmentModel, { description: 'The proposer, while PROPOSED.' })
  withdrawAmendment(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<AmendmentModel> {
    return this.service.withdraw(ctx, id);
  }

  @ResolveField('termsOfReference', () => TermsOfReferenceModel)
  async termsOfReference(@Parent() amendment: AmendmentModel, @Context() ctx: RequestContext): Promise<TermsOfReferenceModel> {
    return (await this.tors.torLoader(ctx.loaders).load(amendment.torId)) as TermsOfReferenceModel;
  }

  @ResolveField('baseVersion', () => TermsOfReferenceVersionModel)
  async baseVersion(@Parent() amendment: AmendmentModel, @Context() ctx: RequestContext): Promise<TermsOfReferenceVersionModel> {
    return (await this.tors.versionLoader(ctx.loaders).load(amendment.baseVersionId)) as TermsOfReferenceVersionModel;
  }

  @ResolveField('proposer', () => PersonModel)
  async proposer(@Parent() amendment: AmendmentModel, @Context() ctx: RequestContext): Promise<PersonModel> {
    return (await personLoader(ctx.loaders, this.dataSource).load(amendment.proposerId)) as PersonModel;
  }

  @ResolveField('resolvedBy', () => PersonModel, { nullable: true })
  resolvedBy(@Parent() amendment: AmendmentModel, @Context() ctx: RequestContext): Promise<PersonModel | null> {
    return amendment.resolvedById
      ? personLoader(ctx.loaders, this.dataSource).load(amendment.resolvedById)
      : Promise.resolve(null);
  }

  @ResolveField('resultingVersion', () => TermsOfReferenceVersionModel, {
    nullable: true,
    description: 'The version that took it in (ACCEPTED only).',
  })
  resultingVersion(
    @Parent() amendment: AmendmentModel,
    @Context() ctx: RequestContext,
  ): Promise<TermsOfReferenceVersionModel | null> {
    return amendment.resultingVersionId
      ? this.tors.versionLoader(ctx.loaders).load(amendment.resultingVersionId)
      : Promise.resolve(null);
  }
}

/** TermsOfReference.amendments, resolved here so that terms-of-reference does not depend on discussion. */
@Resolver(() => TermsOfReferenceModel)
export class TermsOfReferenceAmendmentsResolver {
  constructor(private readonly service: AmendmentsService) {}

  @ResolveField('amendments', () => [AmendmentModel], {
    description: 'Amendments proposed to any version, oldest first.',
    complexity: listOf(MAX_AMENDMENTS_LISTED),
  })
  amendments(
    @Parent() tor: TermsOfReferenceModel,
    @Context() ctx: RequestContext,
    @Args('status', { type: () => AmendmentStatus, nullable: true }) status: AmendmentStatus | null,
  ): Promise<AmendmentModel[]> {
    return this.service.ofDocument(tor.id, status ?? null, ctx.loaders);
  }
}
