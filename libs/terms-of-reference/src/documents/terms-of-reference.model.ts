import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DocumentStatus } from '../graphql-enums';

/**
 * A terms-of-reference document. `status` is resolved (a ballot past its closesAt decides it
 * even before the close job ran); initiative, workingGroup, versions and ballots too.
 */
@ObjectType('TermsOfReference')
export class TermsOfReferenceModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  /** Not GraphQL fields: keys and the stored status. */
  initiativeId: string;
  workingGroupId: string | null;
  storedStatus: DocumentStatus;
}

@ObjectType('TermsOfReferenceVersion')
export class TermsOfReferenceVersionModel {
  @Field(() => ID) id: string;
  @Field(() => Int) number: number;
  @Field() body: string;
  @Field({ description: 'sha256 of body, lowercase hex.' }) contentHash: string;
  @Field(() => String, { nullable: true }) changeSummary: string | null;
  @Field() createdAt: Date;
  /** Not GraphQL fields. */
  torId: string;
  authorId: string;
}
