import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@app/platform';
import { VotePosition } from '../graphql-enums';

@ObjectType('Vote')
export class VoteModel {
  @Field(() => VotePosition) position: VotePosition;
  @Field(() => String, { nullable: true, description: 'Required (non-blank) when position is OBJECT.' }) comment: string | null;
  @Field() castAt: Date;
  @Field(() => Int, { description: '1 for the first vote of this voter on this ballot, +1 for each change.' }) revision: number;
  /** Not GraphQL fields. */
  voterId: string;
  ballotId: string;
  seq: number;
}

@ObjectType('VoteConnection')
export class VoteConnection extends Connection(VoteModel, 'Vote') {}

@ObjectType('VoteReceipt', {
  description:
    "receipt: the hash of this vote's record in the ballot's append-only hash chain\n" +
    "(each record hashes the previous record's hash together with its own content).",
})
export class VoteReceiptModel {
  @Field(() => VoteModel) vote: VoteModel;
  @Field() receipt: string;
}

@ObjectType('ReceiptVerification')
export class ReceiptVerificationModel {
  @Field({
    description:
      "The receipt is a record of this ballot's chain and the chain verifies up to chainHead (or the current head while OPEN).",
  })
  valid: boolean;
  @Field({ description: 'Whether a later vote by the same voter replaced this one.' }) superseded: boolean;
  @Field(() => VotePosition, { nullable: true }) position: VotePosition | null;
  @Field(() => Date, { nullable: true }) castAt: Date | null;
}
