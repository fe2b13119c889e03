import { type ComplexityEstimatorArgs, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MAX_PAGE_SIZE } from '@app/platform';
import { VotePosition } from '../graphql-enums';
import { TallyModel } from './ballot.model';

@ObjectType('BallotChainRecord')
export class BallotChainRecordModel {
  @Field(() => Int) seq: number;
  @Field(() => ID) voterId: string;
  @Field(() => VotePosition) position: VotePosition;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field() castAt: Date;
  @Field(() => Int) revision: number;
  @Field() prevHash: string;
  @Field() hash: string;
}

/** The chain is read whole (no pages): priced as the largest page of its selection. */
export const chainRecordsComplexity = ({ childComplexity }: ComplexityEstimatorArgs) => 1 + MAX_PAGE_SIZE * childComplexity;

@ObjectType('BallotAudit', {
  description: [
    "The ballot's append-only chain of vote records, every revision included, in seq order.",
    'genesisHash = sha256("ballot:" + ballotId); each record\'s hash =',
    'sha256(prevHash + "\\n" + JSON.stringify([ballotId, voterId, position, comment or null,',
    'castAt as ISO-8601 UTC with milliseconds (2016-07-22T09:00:00.000Z), revision])),',
    'lowercase hex, UTF-8. prevHash of the first record is genesisHash.',
  ].join('\n'),
})
export class BallotAuditModel {
  @Field() genesisHash: string;
  @Field({ description: 'Hash of the last record (genesisHash when no vote was cast).' }) head: string;
  @Field(() => [BallotChainRecordModel], { complexity: chainRecordsComplexity }) records: BallotChainRecordModel[];
  @Field(() => TallyModel, { description: "The tally recomputed from each elector's latest record in the chain." })
  tallyFromChain: TallyModel;
  @Field({
    description:
      'The chain verifies record by record, head equals chainHead once CLOSED, and tallyFromChain equals the tally the outcome was computed from.',
  })
  consistent: boolean;
}
