import { type Action, ACTION_RULES, allows } from './actions';
import { GroupRole, InitiativeRole, type Roles } from './roles';

const S = InitiativeRole.SECRETARIAT;
const M = InitiativeRole.MEMBER;
const O = InitiativeRole.OBSERVER;
const callers: Record<string, Roles> = {
  outsider: { initiative: null, group: null },
  observer: { initiative: O, group: null },
  member: { initiative: M, group: null },
  groupObserver: { initiative: M, group: GroupRole.OBSERVER },
  groupMember: { initiative: M, group: GroupRole.MEMBER },
  viceChair: { initiative: M, group: GroupRole.VICE_CHAIR },
  chair: { initiative: M, group: GroupRole.CHAIR },
  secretariat: { initiative: S, group: null },
};

/** Who may do each action: the callers not listed may not. */
const EXPECTED: Record<Action, string[]> = {
  'initiative.read': ['observer', 'member', 'groupObserver', 'groupMember', 'viceChair', 'chair', 'secretariat'],
  'organization.create': ['secretariat'],
  'initiative.manageMembers': ['secretariat'],
  'initiative.createGroup': ['secretariat'],
  'initiative.setReminderPolicy': ['secretariat'],
  'group.manageChairs': ['secretariat'],
  'group.manageMembers': ['chair', 'secretariat'],
  'initiativeTor.edit': ['secretariat'],
  'groupTor.edit': ['viceChair', 'chair'],
  'initiativeTor.openBallot': ['secretariat'],
  'groupTor.openBallot': ['chair', 'secretariat'],
  'ballot.vote': ['observer', 'member', 'groupObserver', 'groupMember', 'viceChair', 'chair', 'secretariat'],
  'ballot.manage': ['secretariat'],
  'workPlan.edit': ['viceChair', 'chair', 'secretariat'],
  'workPlan.submit': ['viceChair', 'chair'],
  'workPlan.approve': ['secretariat'],
  'queueDashboard.read': ['secretariat'],
  'kpi.import': ['secretariat'],
  'workItem.linkKpis': ['viceChair', 'chair', 'secretariat'],
  'meeting.schedule': ['viceChair', 'chair', 'secretariat'],
  'meeting.record': ['viceChair', 'chair', 'secretariat'],
  'initiativeTor.comment': ['member', 'groupObserver', 'groupMember', 'viceChair', 'chair', 'secretariat'],
  'groupTor.comment': ['groupMember', 'viceChair', 'chair', 'secretariat'],
  'kpi.comment': ['member', 'groupObserver', 'groupMember', 'viceChair', 'chair', 'secretariat'],
  'comment.moderate': ['secretariat'],
  'meeting.respond': ['observer', 'member', 'groupObserver', 'groupMember', 'viceChair', 'chair', 'secretariat'],
};

describe('access rules', () => {
  it('has an expectation for every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(ACTION_RULES).sort());
  });

  const cases = (Object.keys(EXPECTED) as Action[]).flatMap((action) =>
    Object.entries(callers).map(([name, roles]) => [action, name, roles, EXPECTED[action].includes(name)] as const),
  );

  it.each(cases)('%s by %s -> allowed %s', (action, _name, roles, expected) => {
    expect(allows(action, roles)).toBe(expected);
  });
});
