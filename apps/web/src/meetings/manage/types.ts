import type { MeetingQuery } from '../../gql/graphql';

/** The meeting as the meeting page reads it. */
export type Meeting = NonNullable<MeetingQuery['meeting']>;
export type AgendaItem = Meeting['agenda'][number];
