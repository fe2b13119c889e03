import type { Fixtures } from './fixtures';
import { type GatewayUnderTest, ok } from './gateway-harness';
import { planWorld, type PlanWorld } from './work-plan-fixtures';

/** A plan world (an initiative, one group, a caller in every role) with an initiative OBSERVER too. */
export interface MeetingWorld extends PlanWorld {
  slug: string;
  observer: { id: string; token: string };
}

export async function meetingWorld(fx: Fixtures): Promise<MeetingWorld> {
  const world = await planWorld(fx);
  const [{ slug }] = await fx.query<{ slug: string }>(`SELECT slug FROM initiative WHERE id = $1`, [world.initiativeId]);
  const observer = await fx.person(world.initiativeId, 'OBSERVER');
  return { ...world, slug, observer };
}

export const MEETING_FIELDS = `id number title status version timeZone startsAt endsAt cancellationReason
  workingGroup { id } initiative { id } sessions { id startsAt endsAt title }`;
export const AGENDA_FIELDS = `id position title kind`;

export const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`;
export const UPDATE_MEETING = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { ${MEETING_FIELDS} } }`;
export const ANNOUNCE = `mutation($id: ID!) { announceMeeting(id: $id) { id status version } }`;
export const START = `mutation($id: ID!) { startMeeting(id: $id) { id status version } }`;
export const CLOSE = `mutation($id: ID!) { closeMeeting(id: $id) { id status version } }`;
export const CANCEL = `mutation($id: ID!, $reason: String!) { cancelMeeting(id: $id, reason: $reason) { id status cancellationReason } }`;
export const GET_MEETING = `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`;
export const ADD_AGENDA = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { ${AGENDA_FIELDS} } }`;
export const UPDATE_AGENDA = `mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { ${AGENDA_FIELDS} } }`;
export const MOVE_AGENDA = `mutation($id: ID!, $position: Int!) { moveAgendaItem(id: $id, position: $position) { ${AGENDA_FIELDS} } }`;
export const REMOVE_AGENDA = `mutation($id: ID!) { removeAgendaItem(id: $id) }`;
export const RESPOND = `mutation($meetingId: ID!, $response: RsvpResponse!) {
  respondToMeeting(meetingId: $meetingId, response: $response) { person { id } response attended } }`;
export const ATTENDANCE = `mutation($meetingId: ID!, $personIds: [ID!]!, $attended: Boolean!) {
  recordAttendance(meetingId: $meetingId, personIds: $personIds, attended: $attended) { person { id } response attended } }`;
export const RECORD_DECISION = `mutation($input: RecordDecisionInput!) {
  recordDecision(input: $input) { id number text agendaItem { id } ballot { id } recordedBy { id } meeting { id } } }`;
export const RECORD_ACTION = `mutation($input: RecordActionInput!) {
  recordAction(input: $input) { id kind title owner { id } workPlan { id } agendaItem { id meeting { id } } } }`;
export const SAVE_MINUTES = `mutation($meetingId: ID!, $body: String!, $expectedVersion: Int!) {
  saveMinutes(meetingId: $meetingId, body: $body, expectedVersion: $expectedVersion) { body status version approvedAt approvedBy { id } } }`;
export const APPROVE_MINUTES = `mutation($meetingId: ID!) { approveMinutes(meetingId: $meetingId) { body status version approvedAt approvedBy { id } } }`;

export interface MeetingShape {
  id: string;
  number: number;
  title: string;
  status: string;
  version: number;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  cancellationReason: string | null;
  workingGroup: { id: string } | null;
  sessions: { id: string; startsAt: string; endsAt: string; title: string | null }[];
}

/** A day's session, 2 hours from `start` (an ISO instant). */
export const session = (startsAt: string, hours = 2) => ({
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + hours * 3_600_000).toISOString(),
});

export async function scheduleMeeting(
  gw: GatewayUnderTest,
  token: string,
  input: { initiativeId: string; workingGroupId?: string | null; [key: string]: unknown },
): Promise<MeetingShape> {
  return ok(
    await gw.gql<{ scheduleMeeting: MeetingShape }>(
      SCHEDULE,
      { input: { title: 'Meeting', sessions: [session('2030-07-21T15:00:00Z')], ...input } },
      token,
    ),
  ).scheduleMeeting;
}

/** Moves the meeting through the lifecycle until it reaches `status`. */
export async function advance(gw: GatewayUnderTest, token: string, id: string, status: 'ANNOUNCED' | 'IN_PROGRESS' | 'CLOSED') {
  const steps = { ANNOUNCED: [ANNOUNCE], IN_PROGRESS: [ANNOUNCE, START], CLOSED: [ANNOUNCE, START, CLOSE] }[status];
  for (const step of steps) ok(await gw.gql(step, { id }, token));
}

export async function addAgendaItem(
  gw: GatewayUnderTest,
  token: string,
  meetingId: string,
  title: string,
  fields: Record<string, unknown> = {},
) {
  return ok(
    await gw.gql<{ addAgendaItem: { id: string; position: number; title: string } }>(
      ADD_AGENDA,
      { input: { meetingId, title, kind: 'DISCUSSION', ...fields } },
      token,
    ),
  ).addAgendaItem;
}
