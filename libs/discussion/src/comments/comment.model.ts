import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@app/platform';

/** What a deleted comment's body becomes (its replies stay). */
export const DELETED_BODY = '[deleted]';

/**
 * A comment on terms of reference or on a KPI. author, version and replies are resolved by
 * CommentsResolver through loaders.
 */
@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID) id: string;
  @Field({ description: '"[deleted]" once its author deleted it (replies stay).' }) body: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) editedAt: Date | null;
  @Field() deleted: boolean;
  @Field(() => Int, { nullable: true }) paragraph: number | null;
  /** Not GraphQL fields: keys and the access scope. */
  authorId: string;
  versionId: string | null;
  parentId: string | null;
  initiativeId: string;
  torId: string | null;
  kpiId: string | null;
  /** The commented subject: the document or the KPI. */
  subjectId: string;
}

@ObjectType('CommentConnection')
export class CommentConnection extends Connection(CommentModel, 'Comment') {}
