import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { personLoader, PersonModel } from '@app/identity';
import { KpiModel } from '@app/kpis';
import { type ConnectionShape, listOf, pagePrice, type RequestContext } from '@app/platform';
import { TermsOfReferenceModel, TermsOfReferenceVersionModel, TorReader } from '@app/terms-of-reference';
import { CommentConnection, CommentModel } from './comment.model';
import { CommentsService } from './comments.service';
import { MAX_REPLIES_PER_COMMENT } from './comments.repository';
import { CommentOnKpiInput } from './dto/comment-on-kpi.input';
import { CommentOnTermsOfReferenceInput } from './dto/comment-on-terms-of-reference.input';

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(
    private readonly service: CommentsService,
    private readonly tors: TorReader,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => CommentModel, {
    description:
      "SECRETARIAT, CHAIR, VICE_CHAIR and MEMBER roles of the document's initiative (of the group, for a group's document); OBSERVERs read only.",
  })
  commentOnTermsOfReference(
    @Args('input', { type: () => CommentOnTermsOfReferenceInput }) input: CommentOnTermsOfReferenceInput,
    @Context() ctx: RequestContext,
  ): Promise<CommentModel> {
    return this.service.commentOnTermsOfReference(ctx, input);
  }

  @Mutation(() => CommentModel)
  commentOnKpi(
    @Args('input', { type: () => CommentOnKpiInput }) input: CommentOnKpiInput,
    @Context() ctx: RequestContext,
  ): Promise<CommentModel> {
    return this.service.commentOnKpi(ctx, input);
  }

  @Mutation(() => CommentModel, { description: 'The author only.' })
  editComment(
    @Args('id', { type: () => ID }) id: string,
    @Args('body', { type: () => String }) body: string,
    @Context() ctx: RequestContext,
  ): Promise<CommentModel> {
    return this.service.editComment(ctx, id, body);
  }

  @Mutation(() => CommentModel, { description: 'The author or SECRETARIAT.' })
  deleteComment(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<CommentModel> {
    return this.service.deleteComment(ctx, id);
  }

  @ResolveField('author', () => PersonModel)
  async author(@Parent() comment: CommentModel, @Context() ctx: RequestContext): Promise<PersonModel> {
    return (await personLoader(ctx.loaders, this.dataSource).load(comment.authorId)) as PersonModel;
  }

  @ResolveField('version', () => TermsOfReferenceVersionModel, {
    nullable: true,
    description:
      'For comments on terms of reference: the version and paragraph (1-based; paragraphs are separated by blank lines) it refers to.',
  })
  version(@Parent() comment: CommentModel, @Context() ctx: RequestContext): Promise<TermsOfReferenceVersionModel | null> {
    return comment.versionId ? this.tors.versionLoader(ctx.loaders).load(comment.versionId) : Promise.resolve(null);
  }

  @ResolveField('replies', () => [CommentModel], {
    description: 'Oldest first; replies have no replies of their own.',
    complexity: listOf(MAX_REPLIES_PER_COMMENT),
  })
  replies(@Parent() comment: CommentModel, @Context() ctx: RequestContext): Promise<CommentModel[]> {
    return comment.parentId ? Promise.resolve([]) : this.service.replies(comment.id, ctx.loaders);
  }
}

/** TermsOfReference.comments, resolved here so that terms-of-reference does not depend on discussion. */
@Resolver(() => TermsOfReferenceModel)
export class TermsOfReferenceCommentsResolver {
  constructor(private readonly service: CommentsService) {}

  @ResolveField('comments', () => CommentConnection, {
    description: 'Comments on any version, oldest first; replies are nested under their parent.',
    complexity: pagePrice,
  })
  comments(
    @Parent() tor: TermsOfReferenceModel,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<CommentModel>> {
    return this.service.page(tor.id, first, after, ctx.loaders);
  }
}

/** Kpi.comments, resolved here so that kpis does not depend on discussion. */
@Resolver(() => KpiModel)
export class KpiCommentsResolver {
  constructor(private readonly service: CommentsService) {}

  @ResolveField('comments', () => CommentConnection, { complexity: pagePrice })
  comments(
    @Parent() kpi: KpiModel,
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<CommentModel>> {
    return this.service.page(kpi.id, first, after, ctx.loaders);
  }
}
