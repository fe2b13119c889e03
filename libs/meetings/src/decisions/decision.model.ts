import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '@app/platform';

/** A decision of the register; meeting, agendaItem, ballot and recordedBy are resolved by DecisionsResolver. */
@ObjectType('Decision')
export class DecisionModel {
  @Field(() => ID) id: string;
  /** Not GraphQL fields: keys. */
  meetingId: string;
  agendaItemId: string | null;
  ballotId: string | null;
  recordedById: string;
  @Field({
    description: '"<initiative slug in upper case>-<meeting number>/<n>", n counting from 1 within the meeting, e.g. U4SSC-1/2.',
  })
  number: string;
  @Field() text: string;
  @Field(() => Date) recordedAt: Date;
}

@ObjectType('DecisionConnection')
export class DecisionConnection extends Connection(DecisionModel, 'Decision') {}
