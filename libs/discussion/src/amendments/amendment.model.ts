import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum AmendmentStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(AmendmentStatus, { name: 'AmendmentStatus' });

/**
 * A proposal to replace one paragraph of a version of terms of reference. termsOfReference,
 * baseVersion, proposer, resolvedBy and resultingVersion are resolved by AmendmentsResolver.
 */
@ObjectType('Amendment', { description: 'A proposal to replace one paragraph of a version of terms of reference.' })
export class AmendmentModel {
  @Field(() => ID) id: string;
  @Field(() => Int) paragraph: number;
  @Field({ description: 'The paragraph as it stands in baseVersion.' }) originalText: string;
  @Field({ description: 'Empty to delete the paragraph.' }) proposedText: string;
  @Field(() => String, { nullable: true }) rationale: string | null;
  @Field(() => AmendmentStatus) status: AmendmentStatus;
  @Field(() => String, { nullable: true, description: 'The reason given when ACCEPTED or REJECTED.' }) resolution: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field() createdAt: Date;
  /** Not GraphQL fields: keys and the access scope. */
  initiativeId: string;
  torId: string;
  baseVersionId: string;
  proposerId: string;
  resolvedById: string | null;
  resultingVersionId: string | null;
}
