import type { Fixtures } from './fixtures';
import { type GatewayUnderTest, ok } from './gateway-harness';

/** An initiative with one group and a caller in every role that matters to work plans. */
export interface PlanWorld {
  initiativeId: string;
  groupId: string;
  secretariat: { id: string; token: string };
  chair: { id: string; token: string };
  vice: { id: string; token: string };
  member: { id: string; token: string };
  member2: { id: string; token: string };
  groupObserver: { id: string; token: string };
  initiativeMember: { id: string; token: string };
  outsider: { id: string; token: string };
}

export async function planWorld(fx: Fixtures): Promise<PlanWorld> {
  const initiative = await fx.initiative();
  const group = await fx.group(initiative.id);
  const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
  const chair = await fx.person(initiative.id, 'MEMBER', { name: 'Chair Person' });
  const vice = await fx.person(initiative.id, 'MEMBER');
  const member = await fx.person(initiative.id, 'MEMBER', { name: 'Member One' });
  const member2 = await fx.person(initiative.id, 'MEMBER', { name: 'Member Two' });
  const groupObserver = await fx.person(initiative.id, 'MEMBER');
  const initiativeMember = await fx.person(initiative.id, 'MEMBER');
  const outsider = await fx.person(null);
  await fx.groupRole(group.id, chair.id, 'CHAIR');
  await fx.groupRole(group.id, vice.id, 'VICE_CHAIR');
  await fx.groupRole(group.id, member.id, 'MEMBER');
  await fx.groupRole(group.id, member2.id, 'MEMBER');
  await fx.groupRole(group.id, groupObserver.id, 'OBSERVER');
  return {
    initiativeId: initiative.id,
    groupId: group.id,
    secretariat,
    chair,
    vice,
    member,
    member2,
    groupObserver,
    initiativeMember,
    outsider,
  };
}

export const ITEM_FIELDS = `id title kind status percentComplete version overdue dueAt description
  owner { id } parent { id } dependsOn { id } workPlan { id version }`;
export const PLAN_FIELDS = `id title periodStart periodEnd status version workingGroup { id }`;

export const CREATE_PLAN = `mutation($input: CreateWorkPlanInput!) { createWorkPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const ADD_ITEM = `mutation($input: AddWorkItemInput!) { addWorkItem(input: $input) { ${ITEM_FIELDS} } }`;
export const UPDATE_ITEM = `mutation($input: UpdateWorkItemInput!) { updateWorkItem(input: $input) { ${ITEM_FIELDS} } }`;
export const REMOVE_ITEM = `mutation($id: ID!) { removeWorkItem(id: $id) }`;
export const SUBMIT_PLAN = `mutation($id: ID!) { submitWorkPlan(id: $id) { ${PLAN_FIELDS} } }`;
export const APPROVE_PLAN = `mutation($id: ID!) { approveWorkPlan(id: $id) { ${PLAN_FIELDS} } }`;
export const GET_PLAN = `query($id: ID!) { workPlan(id: $id) { ${PLAN_FIELDS} } }`;
export const GET_ITEM = `query($id: ID!) { workItem(id: $id) { ${ITEM_FIELDS} } }`;

export interface ItemShape {
  id: string;
  title: string;
  status: string;
  percentComplete: number;
  version: number;
  overdue: boolean;
  dueAt: string | null;
  owner: { id: string } | null;
  parent: { id: string } | null;
  dependsOn: { id: string }[];
  workPlan: { id: string; version: number };
}

export async function createPlan(
  gw: GatewayUnderTest,
  token: string,
  groupId: string,
  title = 'Plan 2016/17',
): Promise<{ id: string; version: number }> {
  const data = ok(
    await gw.gql<{ createWorkPlan: { id: string; version: number } }>(
      CREATE_PLAN,
      { input: { workingGroupId: groupId, title, periodStart: '2016-07-01', periodEnd: '2017-06-30' } },
      token,
    ),
  );
  return data.createWorkPlan;
}

export async function addItem(gw: GatewayUnderTest, token: string, input: Record<string, unknown>): Promise<ItemShape> {
  return ok(await gw.gql<{ addWorkItem: ItemShape }>(ADD_ITEM, { input: { kind: 'TASK', ...input } }, token)).addWorkItem;
}
