import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@app/platform';
import { MeetingStatus, MinutesStatus, RsvpResponse } from '../graphql-enums';

/**
 * A meeting; initiative, workingGroup, sessions, agenda, participants, myParticipation, minutes
 * and decisions are resolved by MeetingsResolver.
 */
@ObjectType('Meeting', {
  description: `A meeting of the whole initiative (workingGroup null: a plenary, whose invitees are all its
members) or of one working group (invitees: the group's members). Sessions may span several days.`,
})
export class MeetingModel {
  @Field(() => ID) id: string;
  /** Not GraphQL fields: keys. */
  initiativeId: string;
  workingGroupId: string | null;
  @Field(() => Int, { description: 'Sequence number within the initiative, 1 for its first meeting; used in decision numbers.' })
  number: number;
  @Field() title: string;
  @Field(() => String, { nullable: true, description: "The meeting's stated objectives." }) purpose: string | null;
  @Field(() => String, { nullable: true }) venue: string | null;
  @Field(() => String, { nullable: true }) onlineUrl: string | null;
  @Field({ description: "IANA zone of the venue; sessions are shown in it and in each reader's own zone." })
  timeZone: string;
  @Field(() => MeetingStatus) status: MeetingStatus;
  @Field(() => Int, {
    description: 'Incremented by every change to the meeting, its sessions or its agenda (optimistic locking).',
  })
  version: number;
  @Field(() => Date, { description: 'Start of the first session.' }) startsAt: Date;
  @Field(() => Date, { description: 'End of the last session.' }) endsAt: Date;
  @Field(() => String, { nullable: true }) cancellationReason: string | null;
  /** Not a GraphQL field: the initiative's slug, for decision numbers and events. */
  initiativeSlug: string;
}

@ObjectType('MeetingSession')
export class MeetingSessionModel {
  @Field(() => ID) id: string;
  /** Not a GraphQL field. */
  meetingId: string;
  @Field(() => Date) startsAt: Date;
  @Field(() => Date) endsAt: Date;
  @Field(() => String, { nullable: true }) title: string | null;
}

/** An invitee; person is resolved by MeetingParticipantsResolver. */
@ObjectType('MeetingParticipant')
export class MeetingParticipantModel {
  /** Not GraphQL fields: keys and order. */
  meetingId: string;
  personId: string;
  name: string;
  @Field(() => RsvpResponse) response: RsvpResponse;
  @Field(() => Boolean, { nullable: true, description: 'null until attendance is recorded.' }) attended: boolean | null;
}

/** approvedBy is resolved by MinutesResolver. */
@ObjectType('Minutes')
export class MinutesModel {
  /** Not GraphQL fields. */
  meetingId: string;
  approvedById: string | null;
  @Field() body: string;
  @Field(() => MinutesStatus) status: MinutesStatus;
  @Field(() => Int, { description: 'Incremented by every save (optimistic locking).' }) version: number;
  @Field(() => Date) updatedAt: Date;
  @Field(() => Date, { nullable: true }) approvedAt: Date | null;
}

@ObjectType('MeetingConnection')
export class MeetingConnection extends Connection(MeetingModel, 'Meeting') {}

@ObjectType('MeetingParticipantConnection')
export class MeetingParticipantConnection extends Connection(MeetingParticipantModel, 'MeetingParticipant') {}
