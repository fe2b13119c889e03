import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgendaItemKind } from '../graphql-enums';

/** An agenda item; its links, decisions and actions are resolved by AgendaResolver. */
@ObjectType('AgendaItem')
export class AgendaItemModel {
  @Field(() => ID) id: string;
  /** Not GraphQL fields: keys. */
  meetingId: string;
  presenterId: string | null;
  sessionId: string | null;
  termsOfReferenceId: string | null;
  ballotId: string | null;
  workPlanId: string | null;
  @Field(() => Int, { description: '1-based, contiguous.' }) position: number;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => AgendaItemKind) kind: AgendaItemKind;
  @Field(() => Int, { nullable: true }) durationMinutes: number | null;
}
