import { MeetingStatus } from '../graphql-enums';

/** The transitions a meeting may make: every other one is a CONFLICT. */
const NEXT: Record<MeetingStatus, MeetingStatus[]> = {
  [MeetingStatus.DRAFT]: [MeetingStatus.ANNOUNCED, MeetingStatus.CANCELLED],
  [MeetingStatus.ANNOUNCED]: [MeetingStatus.IN_PROGRESS, MeetingStatus.CANCELLED],
  [MeetingStatus.IN_PROGRESS]: [MeetingStatus.CLOSED],
  [MeetingStatus.CLOSED]: [],
  [MeetingStatus.CANCELLED]: [],
};

export function mayTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return NEXT[from].includes(to);
}

/** The states a transition to `to` may start from. */
export function statesBefore(to: MeetingStatus): MeetingStatus[] {
  return (Object.keys(NEXT) as MeetingStatus[]).filter((from) => NEXT[from].includes(to));
}

/** Details, sessions and agenda may change until the meeting is CLOSED or CANCELLED. */
export const isEditable = (status: MeetingStatus): boolean =>
  status !== MeetingStatus.CLOSED && status !== MeetingStatus.CANCELLED;

/** Invitees follow the memberships until the meeting starts (or is cancelled); then they are fixed. */
export const inviteesFixed = (status: MeetingStatus): boolean =>
  status === MeetingStatus.IN_PROGRESS || status === MeetingStatus.CLOSED || status === MeetingStatus.CANCELLED;

/** "<SLUG>-<meeting number>/<n>", e.g. U4SSC-1/2. */
export const decisionNumber = (slug: string, meetingNumber: number, n: number): string =>
  `${slug.toUpperCase()}-${meetingNumber}/${n}`;
