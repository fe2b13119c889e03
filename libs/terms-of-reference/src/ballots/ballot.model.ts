import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DecisionRuleEnum } from '../graphql-enums';

/**
 * A ballot row as stored. Status, counts, tally, outcome and chain head are resolved through
 * BallotReader, which computes them for a ballot past its closesAt whose close job has not run.
 */
@ObjectType('Ballot', {
  description:
    'A ballot on one exact version of a terms-of-reference document. The electorate is fixed when it opens. ' +
    'A ballot is CLOSED from closesAt on, whether or not any background job has run.',
})
export class BallotModel {
  @Field(() => ID) id: string;
  @Field() opensAt: Date;
  @Field() closesAt: Date;
  @Field(() => DecisionRuleEnum) rule: DecisionRuleEnum;
  @Field(() => Float, { description: 'Fraction (0..1] of the electorate that must vote.' }) quorum: number;
  @Field(() => Int) electorateSize: number;
  /** Not GraphQL fields: keys and persisted state. */
  torId: string;
  versionId: string;
  initiativeId: string;
  workingGroupId: string | null;
  state: 'OPEN' | 'CLOSED' | 'CANCELLED';
  /** closes_at <= now() when read. */
  expired: boolean;
  outcome: string | null;
  finalApprove: number | null;
  finalObject: number | null;
  finalAbstain: number | null;
  chainHead: string | null;
  /** Whether current_vote agreed with the chain at the close (null before, or closed before the check existed). */
  currentVotesAgreed: boolean | null;
}

@ObjectType('Tally')
export class TallyModel {
  @Field(() => Int) approve: number;
  @Field(() => Int) object: number;
  @Field(() => Int) abstain: number;
  @Field(() => Int) notVoted: number;
}
