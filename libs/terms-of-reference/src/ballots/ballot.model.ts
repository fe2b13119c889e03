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

export const BALLOT_COLUMNS = `b.id, b.tor_id AS "torId", b.version_id AS "versionId", b.opens_at AS "opensAt", b.closes_at AS "closesAt",
  b.rule, b.quorum, b.electorate_size AS "electorateSize", b.state, (b.closes_at <= now()) AS expired, b.outcome,
  b.final_approve AS "finalApprove", b.final_object AS "finalObject", b.final_abstain AS "finalAbstain", b.chain_head AS "chainHead",
  b.current_votes_agreed AS "currentVotesAgreed", t.initiative_id AS "initiativeId", t.working_group_id AS "workingGroupId"`;

export const BALLOT_FROM = `ballot b JOIN terms_of_reference t ON t.id = b.tor_id`;

@ObjectType('Tally')
export class TallyModel {
  @Field(() => Int) approve: number;
  @Field(() => Int) object: number;
  @Field(() => Int) abstain: number;
  @Field(() => Int) notVoted: number;
}
