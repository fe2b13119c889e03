import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, type GraphQLSchema } from 'graphql';
import { hashPassword } from '@app/identity';
import { Fixtures, useFixtures } from '../support/fixtures';
import { type GatewayUnderTest, ok, useGateway } from '../support/gateway-harness';
import { uniqueId } from '../support/test-config';
import { subscriptionOutcome } from '../support/live-client';
import { reportSecurityFigure } from '../support/security-report';

/**
 * Who may do what, derived from the contract's descriptions, checked against the running
 * gateway for every mutation, every subscription (over graphql-ws) and every query that takes an
 * id, as each kind of caller. 'ok' means the call succeeds (a subscription: it starts); otherwise
 * the expected error code. An operation missing from the table fails the test, so a new
 * operation must declare its rule.
 */
const CALLERS = [
  'anonymous',
  'observer',
  'member',
  'groupMember',
  'viceChair',
  'otherChair',
  'chair',
  'secretariat',
  'otherSecretariat',
] as const;
type CallerKind = (typeof CALLERS)[number];
type Expected = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** Readers: every member of the initiative; outsiders do not learn the id exists. */
const READ: Record<CallerKind, Expected> = {
  anonymous: 'UNAUTHENTICATED',
  observer: 'ok',
  member: 'ok',
  groupMember: 'ok',
  viceChair: 'ok',
  otherChair: 'ok',
  chair: 'ok',
  secretariat: 'ok',
  otherSecretariat: 'NOT_FOUND',
};

/** Builds the expectation row: `allowed` succeed, other members are FORBIDDEN. */
function only(...allowed: CallerKind[]): Record<CallerKind, Expected> {
  return Object.fromEntries(
    CALLERS.map((c) => [
      c,
      allowed.includes(c) ? 'ok' : c === 'anonymous' ? 'UNAUTHENTICATED' : c === 'otherSecretariat' ? 'NOT_FOUND' : 'FORBIDDEN',
    ]),
  ) as Record<CallerKind, Expected>;
}

/** Any signed-in person, about their own things. */
const SELF = Object.fromEntries(CALLERS.map((c) => [c, c === 'anonymous' ? 'UNAUTHENTICATED' : 'ok'])) as Record<
  CallerKind,
  Expected
>;

interface World {
  initiativeId: string;
  groupId: string;
  people: Record<Exclude<CallerKind, 'anonymous'>, { id: string; token: string }>;
  gql: GatewayUnderTest['gql'];
  fixtures: Fixtures;
}

interface Row {
  expected: Record<CallerKind, Expected>;
  /** Arranges fresh targets (as the people who may) and returns the operation to try. */
  prepare(world: World): Promise<{ query: string; variables: Record<string, unknown> }>;
  /** Undoes what the call did to the callers themselves (their password, their tokens). */
  restore?(world: World): Promise<void>;
}

/** Arranges as someone who may: the data, or a failure naming the errors. */
async function must<T>(world: World, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  return ok(await world.gql<T>(query, variables, token));
}

const draftGroupTor = (w: World) =>
  must<{ draftTermsOfReference: { id: string } }>(
    w,
    w.people.chair.token,
    `mutation ($input: DraftTermsOfReferenceInput!) { draftTermsOfReference(input: $input) { id } }`,
    { input: { initiativeId: w.initiativeId, workingGroupId: w.groupId, title: 'Group ToR', body: 'Purpose and scope.' } },
  ).then((d) => d.draftTermsOfReference.id);

const openGroupBallot = async (w: World) => {
  const torId = await draftGroupTor(w);
  const data = await must<{ openBallot: { id: string } }>(
    w,
    w.people.secretariat.token,
    `mutation ($input: OpenBallotInput!) { openBallot(input: $input) { id } }`,
    {
      input: {
        termsOfReferenceId: torId,
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        rule: 'MAJORITY',
        quorum: 0.5,
      },
    },
  );
  return data.openBallot.id;
};

const createPlan = (w: World) =>
  must<{ createWorkPlan: { id: string } }>(
    w,
    w.people.chair.token,
    `mutation ($input: CreateWorkPlanInput!) { createWorkPlan(input: $input) { id } }`,
    {
      input: { workingGroupId: w.groupId, title: 'Plan', periodStart: '2030-01-01', periodEnd: '2030-12-31' },
    },
  ).then((d) => d.createWorkPlan.id);

const addItem = async (w: World) => {
  const planId = await createPlan(w);
  const data = await must<{ addWorkItem: { id: string; version: number } }>(
    w,
    w.people.chair.token,
    `mutation ($input: AddWorkItemInput!) { addWorkItem(input: $input) { id version } }`,
    { input: { workPlanId: planId, kind: 'TASK', title: 'Task', ownerId: w.people.groupMember.id } },
  );
  return { planId, ...data.addWorkItem };
};

/** A KPI of the initiative's catalogue, imported by the SECRETARIAT under a fresh code. */
const importKpi = async (w: World) => {
  const code = `AZ:${uniqueId()}`;
  await must(
    w,
    w.people.secretariat.token,
    `mutation ($id: ID!, $kpis: [KpiInput!]!) { importKpis(initiativeId: $id, kpis: $kpis) { created } }`,
    {
      id: w.initiativeId,
      kpis: [{ code, name: 'Indicator', dimension: 'ECONOMY', subDimension: 'ICT', category: 'ICT', level: 'CORE' }],
    },
  );
  const [kpi] = await w.fixtures.query<{ id: string }>(`SELECT id FROM kpi WHERE initiative_id = $1 AND code = $2`, [
    w.initiativeId,
    code,
  ]);
  return kpi.id;
};

/** Three paragraphs, for comments and amendments. */
const DISCUSSED_TEXT = 'Purpose and scope.\n\nMembership.\n\nMeetings.';

/** A fresh document of the group (three paragraphs), drafted by its chair. */
const draftDiscussedTor = (w: World) =>
  must<{ draftTermsOfReference: { id: string } }>(
    w,
    w.people.chair.token,
    `mutation ($input: DraftTermsOfReferenceInput!) { draftTermsOfReference(input: $input) { id } }`,
    { input: { initiativeId: w.initiativeId, workingGroupId: w.groupId, title: 'Group ToR', body: DISCUSSED_TEXT } },
  ).then((d) => d.draftTermsOfReference.id);

/** A comment of the group's chair on a fresh document of the group. */
const chairComment = async (w: World) => {
  const torId = await draftDiscussedTor(w);
  const data = await must<{ commentOnTermsOfReference: { id: string } }>(
    w,
    w.people.chair.token,
    `mutation ($input: CommentOnTermsOfReferenceInput!) { commentOnTermsOfReference(input: $input) { id } }`,
    { input: { termsOfReferenceId: torId, paragraph: 1, body: 'Too vague' } },
  );
  return data.commentOnTermsOfReference.id;
};

/** An amendment proposed by a member of the group to a fresh document of the group. */
const groupAmendment = async (w: World) => {
  const torId = await draftDiscussedTor(w);
  const data = await must<{ proposeAmendment: { id: string } }>(
    w,
    w.people.groupMember.token,
    `mutation ($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id } }`,
    { input: { termsOfReferenceId: torId, paragraph: 2, proposedText: 'Membership: open.' } },
  );
  return { torId, id: data.proposeAmendment.id };
};

/** A meeting of the group, scheduled by its chair and moved on to `status`. */
async function groupMeeting(w: World, status: 'DRAFT' | 'ANNOUNCED' | 'IN_PROGRESS' | 'CLOSED' = 'ANNOUNCED') {
  const data = await must<{ scheduleMeeting: { id: string; version: number } }>(
    w,
    w.people.chair.token,
    `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id version } }`,
    {
      input: {
        initiativeId: w.initiativeId,
        workingGroupId: w.groupId,
        title: 'Meeting',
        sessions: [{ startsAt: '2030-07-21T15:00:00Z', endsAt: '2030-07-21T17:00:00Z' }],
      },
    },
  );
  const steps = {
    DRAFT: [],
    ANNOUNCED: ['announceMeeting'],
    IN_PROGRESS: ['announceMeeting', 'startMeeting'],
    CLOSED: ['announceMeeting', 'startMeeting', 'closeMeeting'],
  }[status];
  for (const step of steps)
    await must(w, w.people.chair.token, `mutation ($id: ID!) { ${step}(id: $id) { id } }`, { id: data.scheduleMeeting.id });
  return { id: data.scheduleMeeting.id, version: data.scheduleMeeting.version + steps.length };
}

const agendaItem = async (w: World, status: 'ANNOUNCED' | 'IN_PROGRESS' = 'ANNOUNCED') => {
  const meeting = await groupMeeting(w, 'DRAFT');
  const data = await must<{ addAgendaItem: { id: string } }>(
    w,
    w.people.chair.token,
    `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
    { input: { meetingId: meeting.id, title: 'Item', kind: 'DISCUSSION' } },
  );
  await must(
    w,
    w.people.chair.token,
    `mutation ($id: ID!) { addAgendaItem(input: { meetingId: $id, title: "Other", kind: INFORMATION }) { id } }`,
    {
      id: meeting.id,
    },
  );
  const steps = status === 'ANNOUNCED' ? ['announceMeeting'] : ['announceMeeting', 'startMeeting'];
  for (const step of steps)
    await must(w, w.people.chair.token, `mutation ($id: ID!) { ${step}(id: $id) { id } }`, { id: meeting.id });
  return { meetingId: meeting.id, id: data.addAgendaItem.id };
};

/** Those who may schedule the group's meetings. */
const SCHEDULERS = only('chair', 'viceChair', 'secretariat');
/** A DRAFT meeting: those who may not schedule it do not learn it exists. */
const DRAFT_SCHEDULERS: Record<CallerKind, Expected> = {
  ...SCHEDULERS,
  observer: 'NOT_FOUND',
  member: 'NOT_FOUND',
  groupMember: 'NOT_FOUND',
  otherChair: 'NOT_FOUND',
};

/** The password every caller has while a row about their own password runs. */
const CALLERS_PASSWORD = 'the-callers-password';
let callersHash: Promise<string> | null = null;
const everyone = (w: World) => Object.values(w.people).map((p) => p.id);

/** Gives every caller CALLERS_PASSWORD (and back their revoked tokens): rows about their own sessions. */
async function resetCallers(w: World): Promise<void> {
  callersHash ??= hashPassword(CALLERS_PASSWORD);
  await w.fixtures.query(`UPDATE person SET password_hash = $2 WHERE id = ANY($1)`, [everyone(w), await callersHash]);
  await w.fixtures.query(`DELETE FROM token_revocation WHERE person_id = ANY($1)`, [everyone(w)]);
}

const ROWS: Record<string, Row> = {
  // ---------------------------------------------------------------- queries with an id
  'Query.initiative': {
    expected: READ,
    prepare: async (w) => ({ query: `query ($s: String!) { initiative(slug: $s) { id } }`, variables: { s: await slugOf(w) } }),
  },
  'Query.workingGroup': {
    expected: READ,
    prepare: async (w) => ({ query: `query ($id: ID!) { workingGroup(id: $id) { id } }`, variables: { id: w.groupId } }),
  },
  'Query.termsOfReference': {
    expected: READ,
    prepare: async (w) => ({
      query: `query ($id: ID!) { termsOfReference(id: $id) { id } }`,
      variables: { id: await draftGroupTor(w) },
    }),
  },
  'Query.ballot': {
    expected: READ,
    prepare: async (w) => ({ query: `query ($id: ID!) { ballot(id: $id) { id } }`, variables: { id: await openGroupBallot(w) } }),
  },
  'Query.verifyBallotReceipt': {
    expected: READ,
    prepare: async (w) => ({
      query: `query ($id: ID!, $r: String!) { verifyBallotReceipt(ballotId: $id, receipt: $r) { valid } }`,
      variables: { id: await openGroupBallot(w), r: '0'.repeat(64) },
    }),
  },
  'Query.workPlan': {
    expected: READ,
    prepare: async (w) => ({ query: `query ($id: ID!) { workPlan(id: $id) { id } }`, variables: { id: await createPlan(w) } }),
  },
  'Query.workItem': {
    expected: READ,
    prepare: async (w) => ({ query: `query ($id: ID!) { workItem(id: $id) { id } }`, variables: { id: (await addItem(w)).id } }),
  },
  'Query.initiativeProgress': {
    expected: READ,
    prepare: async (w) => ({
      query: `query ($id: ID!) { initiativeProgress(initiativeId: $id) { asOf } }`,
      variables: { id: w.initiativeId },
    }),
  },
  'Query.overdueItems': {
    expected: READ,
    prepare: async (w) => ({
      query: `query ($id: ID!) { overdueItems(initiativeId: $id) { totalCount } }`,
      variables: { id: w.initiativeId },
    }),
  },
  // ---------------------------------------------------------------- structure
  'Mutation.createOrganization': {
    // SECRETARIAT of any initiative (here: of either initiative).
    expected: { ...only('secretariat', 'otherSecretariat') },
    prepare: async () => ({
      query: `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      variables: { input: { name: `Org ${uniqueId()}`, kind: 'CITY' } },
    }),
  },
  'Mutation.registerPerson': {
    expected: only('secretariat'),
    prepare: async (w) => ({
      query: `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`,
      variables: {
        input: {
          initiativeId: w.initiativeId,
          name: 'New Person',
          email: `n-${uniqueId()}@example.org`,
          role: 'MEMBER',
          password: 'a-long-password-1',
        },
      },
    }),
  },
  'Mutation.setInitiativeRole': {
    expected: only('secretariat'),
    prepare: async (w) => ({
      query: `mutation ($i: ID!, $p: ID!) { setInitiativeRole(initiativeId: $i, personId: $p, role: OBSERVER) { role } }`,
      variables: { i: w.initiativeId, p: (await w.fixtures.person(w.initiativeId, 'MEMBER')).id },
    }),
  },
  'Mutation.createWorkingGroup': {
    expected: only('secretariat'),
    prepare: async (w) => ({
      query: `mutation ($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }`,
      variables: {
        input: { initiativeId: w.initiativeId, code: `G-${uniqueId(3).toUpperCase()}`, name: 'Group', mandate: 'Mandate' },
      },
    }),
  },
  'Mutation.setGroupRole': {
    // SECRETARIAT; a CHAIR of the group may set MEMBER or OBSERVER.
    expected: only('secretariat', 'chair'),
    prepare: async (w) => ({
      query: `mutation ($input: SetGroupRoleInput!) { setGroupRole(input: $input) { role } }`,
      variables: {
        input: { workingGroupId: w.groupId, personId: (await w.fixtures.person(w.initiativeId, 'MEMBER')).id, role: 'MEMBER' },
      },
    }),
  },
  'Mutation.removeGroupMember': {
    expected: only('secretariat', 'chair'),
    prepare: async (w) => {
      const person = await w.fixtures.person(w.initiativeId, 'MEMBER');
      await w.fixtures.groupRole(w.groupId, person.id, 'MEMBER');
      return {
        query: `mutation ($g: ID!, $p: ID!) { removeGroupMember(workingGroupId: $g, personId: $p) }`,
        variables: { g: w.groupId, p: person.id },
      };
    },
  },
  'Mutation.removeInitiativeMember': {
    expected: only('secretariat'),
    prepare: async (w) => ({
      query: `mutation ($i: ID!, $p: ID!) { removeInitiativeMember(initiativeId: $i, personId: $p) }`,
      variables: { i: w.initiativeId, p: (await w.fixtures.person(w.initiativeId, 'MEMBER')).id },
    }),
  },
  'Mutation.setReminderPolicy': {
    expected: only('secretariat'),
    prepare: async (w) => ({
      query: `mutation ($input: SetReminderPolicyInput!) { setReminderPolicy(input: $input) { remindOverdue } }`,
      variables: { input: { initiativeId: w.initiativeId, leadTimes: ['P7D'], remindOverdue: true } },
    }),
  },
  // ---------------------------------------------------------------- terms of reference and ballots
  'Mutation.draftTermsOfReference': {
    // A group's terms of reference: its CHAIR or VICE_CHAIR.
    expected: only('chair', 'viceChair'),
    prepare: async (w) => ({
      query: `mutation ($input: DraftTermsOfReferenceInput!) { draftTermsOfReference(input: $input) { id } }`,
      variables: { input: { initiativeId: w.initiativeId, workingGroupId: w.groupId, title: 'ToR', body: 'Text' } },
    }),
  },
  'Mutation.reviseTermsOfReference': {
    expected: only('chair', 'viceChair'),
    prepare: async (w) => ({
      query: `mutation ($input: ReviseTermsOfReferenceInput!) { reviseTermsOfReference(input: $input) { number } }`,
      variables: { input: { termsOfReferenceId: await draftGroupTor(w), body: 'Revised text', changeSummary: 'Edits' } },
    }),
  },
  'Mutation.openBallot': {
    expected: only('secretariat', 'chair'),
    prepare: async (w) => ({
      query: `mutation ($input: OpenBallotInput!) { openBallot(input: $input) { id } }`,
      variables: {
        input: {
          termsOfReferenceId: await draftGroupTor(w),
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          rule: 'CONSENSUS',
          quorum: 0.5,
        },
      },
    }),
  },
  'Mutation.castVote': {
    // The electorate of a group's ballot: its CHAIR, VICE_CHAIR and MEMBERs.
    expected: only('chair', 'viceChair', 'groupMember'),
    prepare: async (w) => ({
      query: `mutation ($input: CastVoteInput!) { castVote(input: $input) { receipt } }`,
      variables: { input: { ballotId: await openGroupBallot(w), position: 'APPROVE' } },
    }),
  },
  'Mutation.closeBallot': {
    expected: only('secretariat'),
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { closeBallot(ballotId: $id) { status } }`,
      variables: { id: await openGroupBallot(w) },
    }),
  },
  'Mutation.cancelBallot': {
    expected: only('secretariat'),
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { cancelBallot(ballotId: $id, reason: "Withdrawn") { status } }`,
      variables: { id: await openGroupBallot(w) },
    }),
  },
  // ---------------------------------------------------------------- work plans
  'Mutation.createWorkPlan': {
    expected: only('chair', 'viceChair', 'secretariat'),
    prepare: async (w) => ({
      query: `mutation ($input: CreateWorkPlanInput!) { createWorkPlan(input: $input) { id } }`,
      variables: { input: { workingGroupId: w.groupId, title: 'Plan', periodStart: '2030-01-01', periodEnd: '2030-12-31' } },
    }),
  },
  'Mutation.addWorkItem': {
    expected: only('chair', 'viceChair', 'secretariat'),
    prepare: async (w) => ({
      query: `mutation ($input: AddWorkItemInput!) { addWorkItem(input: $input) { id } }`,
      variables: { input: { workPlanId: await createPlan(w), kind: 'MILESTONE', title: 'Milestone' } },
    }),
  },
  'Mutation.updateWorkItem': {
    // Changing the title: chairs and SECRETARIAT (the owner, here the group member, may not).
    expected: only('chair', 'viceChair', 'secretariat'),
    prepare: async (w) => {
      const item = await addItem(w);
      return {
        query: `mutation ($input: UpdateWorkItemInput!) { updateWorkItem(input: $input) { version } }`,
        variables: { input: { id: item.id, expectedVersion: item.version, title: 'Renamed' } },
      };
    },
  },
  'Mutation.removeWorkItem': {
    expected: only('chair', 'viceChair', 'secretariat'),
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { removeWorkItem(id: $id) }`,
      variables: { id: (await addItem(w)).id },
    }),
  },
  // ---------------------------------------------------------------- comments and amendments
  'Mutation.commentOnTermsOfReference': {
    // A group's document: its CHAIR, VICE_CHAIR and MEMBERs, and SECRETARIAT; observers read only.
    expected: only('chair', 'viceChair', 'groupMember', 'secretariat'),
    prepare: async (w) => ({
      query: `mutation ($input: CommentOnTermsOfReferenceInput!) { commentOnTermsOfReference(input: $input) { id } }`,
      variables: { input: { termsOfReferenceId: await draftDiscussedTor(w), paragraph: 2, body: 'Which members?' } },
    }),
  },
  'Mutation.commentOnKpi': {
    // SECRETARIAT and MEMBERs of the initiative; OBSERVERs read only.
    expected: only('member', 'groupMember', 'viceChair', 'otherChair', 'chair', 'secretariat'),
    prepare: async (w) => ({
      query: `mutation ($input: CommentOnKpiInput!) { commentOnKpi(input: $input) { id } }`,
      variables: { input: { kpiId: await importKpi(w), body: 'Define household' } },
    }),
  },
  'Mutation.editComment': {
    // The author only (here the chair).
    expected: only('chair'),
    prepare: async (w) => ({
      query: `mutation ($id: ID!, $body: String!) { editComment(id: $id, body: $body) { editedAt } }`,
      variables: { id: await chairComment(w), body: 'Too vague, I think' },
    }),
  },
  'Mutation.deleteComment': {
    // The author (here the chair) or SECRETARIAT.
    expected: only('chair', 'secretariat'),
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { deleteComment(id: $id) { deleted } }`,
      variables: { id: await chairComment(w) },
    }),
  },
  'Query.amendment': {
    expected: READ,
    prepare: async (w) => ({
      query: `query ($id: ID!) { amendment(id: $id) { id } }`,
      variables: { id: (await groupAmendment(w)).id },
    }),
  },
  'Mutation.proposeAmendment': {
    // Those who may comment on the group's document.
    expected: only('chair', 'viceChair', 'groupMember', 'secretariat'),
    prepare: async (w) => ({
      query: `mutation ($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id } }`,
      variables: {
        input: { termsOfReferenceId: await draftDiscussedTor(w), paragraph: 3, proposedText: 'Meetings: twice a year.' },
      },
    }),
  },
  'Mutation.acceptAmendments': {
    // Those who may revise the group's document: its CHAIR and VICE_CHAIR.
    expected: only('chair', 'viceChair'),
    prepare: async (w) => {
      const amendment = await groupAmendment(w);
      return {
        query: `mutation ($input: AcceptAmendmentsInput!) { acceptAmendments(input: $input) { number } }`,
        variables: { input: { termsOfReferenceId: amendment.torId, amendmentIds: [amendment.id], resolution: 'Agreed' } },
      };
    },
  },
  'Mutation.rejectAmendment': {
    expected: only('chair', 'viceChair'),
    prepare: async (w) => ({
      query: `mutation ($id: ID!, $reason: String!) { rejectAmendment(id: $id, reason: $reason) { status } }`,
      variables: { id: (await groupAmendment(w)).id, reason: 'Out of scope' },
    }),
  },
  'Mutation.withdrawAmendment': {
    // The proposer (here the group member).
    expected: only('groupMember'),
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { withdrawAmendment(id: $id) { status } }`,
      variables: { id: (await groupAmendment(w)).id },
    }),
  },
  // ---------------------------------------------------------------- KPI catalogue
  'Query.kpi': {
    expected: READ,
    prepare: async (w) => ({ query: `query ($id: ID!) { kpi(id: $id) { id } }`, variables: { id: await importKpi(w) } }),
  },
  'Mutation.importKpis': {
    expected: only('secretariat'),
    prepare: async (w) => ({
      query: `mutation ($id: ID!, $kpis: [KpiInput!]!) { importKpis(initiativeId: $id, kpis: $kpis) { created updated unchanged } }`,
      variables: {
        id: w.initiativeId,
        kpis: [
          {
            code: `AZ:${uniqueId()}`,
            name: 'Indicator',
            dimension: 'ECONOMY',
            subDimension: 'ICT',
            category: 'ICT',
            level: 'CORE',
          },
        ],
      },
    }),
  },
  'Mutation.linkWorkItemKpis': {
    expected: only('chair', 'viceChair', 'secretariat'),
    prepare: async (w) => ({
      query: `mutation ($item: ID!, $kpis: [ID!]!) { linkWorkItemKpis(workItemId: $item, kpiIds: $kpis) { id } }`,
      variables: { item: (await addItem(w)).id, kpis: [await importKpi(w)] },
    }),
  },
  'Mutation.submitWorkPlan': {
    expected: only('chair', 'viceChair'),
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { submitWorkPlan(id: $id) { status } }`,
      variables: { id: await createPlan(w) },
    }),
  },
  'Mutation.approveWorkPlan': {
    expected: only('secretariat'),
    prepare: async (w) => {
      const id = await createPlan(w);
      await must(w, w.people.chair.token, `mutation ($id: ID!) { submitWorkPlan(id: $id) { status } }`, { id });
      return { query: `mutation ($id: ID!) { approveWorkPlan(id: $id) { status } }`, variables: { id } };
    },
  },
  // ---------------------------------------------------------------- meetings
  'Query.meeting': {
    expected: READ,
    prepare: async (w) => ({
      query: `query ($id: ID!) { meeting(id: $id) { id } }`,
      variables: { id: (await groupMeeting(w)).id },
    }),
  },
  'Mutation.scheduleMeeting': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      variables: {
        input: {
          initiativeId: w.initiativeId,
          workingGroupId: w.groupId,
          title: 'Meeting',
          sessions: [{ startsAt: '2030-07-21T15:00:00Z', endsAt: '2030-07-21T17:00:00Z' }],
        },
      },
    }),
  },
  'Mutation.updateMeeting': {
    expected: SCHEDULERS,
    prepare: async (w) => {
      const meeting = await groupMeeting(w);
      return {
        query: `mutation ($input: UpdateMeetingInput!) { updateMeeting(input: $input) { version } }`,
        variables: { input: { id: meeting.id, expectedVersion: meeting.version, title: 'Renamed' } },
      };
    },
  },
  'Mutation.announceMeeting': {
    expected: DRAFT_SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { announceMeeting(id: $id) { status } }`,
      variables: { id: (await groupMeeting(w, 'DRAFT')).id },
    }),
  },
  'Mutation.startMeeting': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { startMeeting(id: $id) { status } }`,
      variables: { id: (await groupMeeting(w)).id },
    }),
  },
  'Mutation.closeMeeting': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { closeMeeting(id: $id) { status } }`,
      variables: { id: (await groupMeeting(w, 'IN_PROGRESS')).id },
    }),
  },
  'Mutation.cancelMeeting': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { cancelMeeting(id: $id, reason: "Postponed") { status } }`,
      variables: { id: (await groupMeeting(w)).id },
    }),
  },
  'Mutation.addAgendaItem': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`,
      variables: { input: { meetingId: (await groupMeeting(w)).id, title: 'Item', kind: 'DECISION' } },
    }),
  },
  'Mutation.updateAgendaItem': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { id } }`,
      variables: { input: { id: (await agendaItem(w)).id, title: 'Renamed' } },
    }),
  },
  'Mutation.moveAgendaItem': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { moveAgendaItem(id: $id, position: 2) { id } }`,
      variables: { id: (await agendaItem(w)).id },
    }),
  },
  'Mutation.removeAgendaItem': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { removeAgendaItem(id: $id) }`,
      variables: { id: (await agendaItem(w)).id },
    }),
  },
  'Mutation.respondToMeeting': {
    // The invitees of a group meeting: the group's members.
    expected: only('chair', 'viceChair', 'groupMember'),
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { respondToMeeting(meetingId: $id, response: ATTENDING) { response } }`,
      variables: { id: (await groupMeeting(w)).id },
    }),
  },
  'Mutation.recordAttendance': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($id: ID!, $p: [ID!]!) { recordAttendance(meetingId: $id, personIds: $p, attended: true) { attended } }`,
      variables: { id: (await groupMeeting(w, 'IN_PROGRESS')).id, p: [w.people.groupMember.id] },
    }),
  },
  'Mutation.recordDecision': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($input: RecordDecisionInput!) { recordDecision(input: $input) { number } }`,
      variables: { input: { meetingId: (await groupMeeting(w, 'IN_PROGRESS')).id, text: 'Agreed' } },
    }),
  },
  'Mutation.recordAction': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($input: RecordActionInput!) { recordAction(input: $input) { id } }`,
      variables: {
        input: { agendaItemId: (await agendaItem(w, 'IN_PROGRESS')).id, workPlanId: await createPlan(w), title: 'Act' },
      },
    }),
  },
  'Mutation.saveMinutes': {
    expected: SCHEDULERS,
    prepare: async (w) => ({
      query: `mutation ($id: ID!) { saveMinutes(meetingId: $id, body: "# Minutes", expectedVersion: 0) { version } }`,
      variables: { id: (await groupMeeting(w, 'IN_PROGRESS')).id },
    }),
  },
  'Mutation.approveMinutes': {
    expected: SCHEDULERS,
    prepare: async (w) => {
      const meeting = await groupMeeting(w, 'CLOSED');
      await must(
        w,
        w.people.chair.token,
        `mutation ($id: ID!) { saveMinutes(meetingId: $id, body: "# Minutes", expectedVersion: 0) { version } }`,
        {
          id: meeting.id,
        },
      );
      return { query: `mutation ($id: ID!) { approveMinutes(meetingId: $id) { status } }`, variables: { id: meeting.id } };
    },
  },
  // ---------------------------------------------------------------- the caller's own things
  'Mutation.markNotificationsRead': {
    expected: SELF,
    prepare: async () => ({ query: `mutation { markNotificationsRead(ids: []) }`, variables: {} }),
  },
  'Mutation.setMyNotificationPreferences': {
    expected: SELF,
    prepare: async () => ({
      query: `mutation { setMyNotificationPreferences(emailMode: DAILY_DIGEST) { emailMode } }`,
      variables: {},
    }),
  },
  'Mutation.rotateMyCalendarFeedUrl': {
    expected: SELF,
    prepare: async () => ({ query: `mutation { rotateMyCalendarFeedUrl }`, variables: {} }),
  },
  'Mutation.setMyTimeZone': {
    expected: SELF,
    prepare: async () => ({ query: `mutation { setMyTimeZone(timeZone: "Europe/Zurich") { timeZone } }`, variables: {} }),
  },
  // ---------------------------------------------------------------- live updates (over graphql-ws)
  'Subscription.ballotUpdated': {
    expected: READ,
    prepare: async (w) => ({
      query: `subscription ($id: ID!) { ballotUpdated(ballotId: $id) { id } }`,
      variables: { id: await openGroupBallot(w) },
    }),
  },
  'Subscription.notificationAdded': {
    expected: SELF,
    prepare: async () => ({ query: `subscription { notificationAdded { id } }`, variables: {} }),
  },
  'Mutation.changeMyPassword': {
    expected: SELF,
    prepare: async (w) => {
      await resetCallers(w);
      return {
        query: `mutation ($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) { accessToken } }`,
        variables: { c: CALLERS_PASSWORD, n: 'a-new-password-for-now' },
      };
    },
    restore: resetCallers,
  },
  'Mutation.signOutEverywhere': {
    expected: SELF,
    prepare: async () => ({ query: `mutation { signOutEverywhere }`, variables: {} }),
    restore: resetCallers,
  },
};

/** Public operations: anyone may call them; their refusals are about credentials, not roles. */
const PUBLIC = new Set(['Mutation.login', 'Mutation.acceptInvitation']);

let slugCache = new Map<string, string>();
async function slugOf(w: World): Promise<string> {
  if (!slugCache.has(w.initiativeId)) {
    const [row] = await w.fixtures.query<{ slug: string }>(`SELECT slug FROM initiative WHERE id = $1`, [w.initiativeId]);
    slugCache.set(w.initiativeId, row.slug);
  }
  return slugCache.get(w.initiativeId) as string;
}

/** Every mutation and subscription, and every query with an ID argument, of the served schema. */
function operationsToCover(schema: GraphQLSchema): string[] {
  const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`);
  const subscriptions = Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map((name) => `Subscription.${name}`);
  const queries = Object.values(schema.getQueryType()?.getFields() ?? {})
    .filter((field) => field.args.some((arg) => getNamedType(arg.type).name === 'ID') || field.name === 'initiative')
    .map((field) => `Query.${field.name}`);
  return [...queries, ...mutations, ...subscriptions].filter((name) => !PUBLIC.has(name));
}

describe('authorisation matrix', () => {
  let world: World;

  // The chair arranges every row's meetings, agendas and plans: far more than the per-person
  // mutation limit allows in a minute, which is not what this test is about (0: no limit).
  const gateway = useGateway({ MUTATION_RATE_LIMIT: '0' });
  const fixtures = useFixtures();
  beforeAll(async () => {
    slugCache = new Map();
    const initiative = await fixtures.initiative();
    const other = await fixtures.initiative();
    const otherGroup = await fixtures.group(initiative.id);
    const people = {
      observer: await fixtures.person(initiative.id, 'OBSERVER'),
      member: await fixtures.person(initiative.id, 'MEMBER'),
      groupMember: await fixtures.person(initiative.id, 'MEMBER'),
      viceChair: await fixtures.person(initiative.id, 'MEMBER'),
      otherChair: await fixtures.person(initiative.id, 'MEMBER'),
      chair: await fixtures.person(initiative.id, 'MEMBER'),
      secretariat: await fixtures.person(initiative.id, 'SECRETARIAT'),
      otherSecretariat: await fixtures.person(other.id, 'SECRETARIAT'),
    };
    await fixtures.groupRole(otherGroup.id, people.otherChair.id, 'CHAIR');
    world = { initiativeId: initiative.id, groupId: '', people, gql: gateway.gql, fixtures };
  });

  /** A fresh working group of the initiative with the callers in their group roles. */
  async function freshGroup(): Promise<World> {
    const group = await fixtures.group(world.initiativeId);
    await fixtures.groupRole(group.id, world.people.chair.id, 'CHAIR');
    await fixtures.groupRole(group.id, world.people.viceChair.id, 'VICE_CHAIR');
    await fixtures.groupRole(group.id, world.people.groupMember.id, 'MEMBER');
    return { ...world, groupId: group.id };
  }

  it('has a rule for every mutation, every subscription and every query that takes an id', () => {
    const schema = gateway.app.get(GraphQLSchemaHost).schema;
    const missing = operationsToCover(schema).filter((name) => !ROWS[name]);
    expect(missing).toEqual([]);
  });

  it('gives every caller exactly the outcome the table says', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const [operation, row] of Object.entries(ROWS)) {
      for (const caller of CALLERS) {
        const w = await freshGroup();
        const { query, variables } = await row.prepare(w);
        const token = caller === 'anonymous' ? undefined : w.people[caller].token;
        calls += 1;
        if (operation.startsWith('Subscription.')) {
          // Over graphql-ws: no token means the connection itself is refused (UNAUTHENTICATED).
          const got = await subscriptionOutcome(gateway, query, variables, token);
          if (got !== row.expected[caller])
            mismatches.push(`${operation} as ${caller}: expected ${row.expected[caller]}, got ${got}`);
          continue;
        }
        const result = await gateway.gql(query, variables, token);
        await row.restore?.(w);
        const got = result.errors ? result.errors[0].extensions.code : 'ok';
        if (got !== row.expected[caller]) {
          mismatches.push(
            `${operation} as ${caller}: expected ${row.expected[caller]}, got ${got}${result.errors ? ` (${result.errors[0].message})` : ''}`,
          );
        }
      }
    }
    reportSecurityFigure(
      `authorisation matrix: ${Object.keys(ROWS).length} operations x ${CALLERS.length} callers = ${calls} calls, ${mismatches.length} mismatches`,
    );
    expect(mismatches).toEqual([]);
    // Hundreds of calls, each with its own fixtures: minutes on a busy machine.
  }, 300_000);
});
