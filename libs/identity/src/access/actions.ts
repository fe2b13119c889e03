import { GroupRole, InitiativeRole, type Roles } from './roles';

/**
 * Everything a caller may try, and who may do it, from the descriptions in the public
 * contract. This table is the one place where authorisation is decided: resolvers ask the
 * AccessPolicy, which looks up the caller's roles and reads the answer here.
 */
const isSecretariat = (r: Roles) => r.initiative === InitiativeRole.SECRETARIAT;
const isChair = (r: Roles) => r.group === GroupRole.CHAIR;
const isChairOrVice = (r: Roles) => r.group === GroupRole.CHAIR || r.group === GroupRole.VICE_CHAIR;
const isInitiativeMember = (r: Roles) => r.initiative !== null;
/** Takes part in the initiative (SECRETARIAT or MEMBER): OBSERVERs read only. */
const isInitiativeParticipant = (r: Roles) =>
  r.initiative === InitiativeRole.SECRETARIAT || r.initiative === InitiativeRole.MEMBER;
/** Takes part in the group (CHAIR, VICE_CHAIR or MEMBER), or SECRETARIAT of its initiative. */
const isGroupParticipant = (r: Roles) =>
  isSecretariat(r) || r.group === GroupRole.CHAIR || r.group === GroupRole.VICE_CHAIR || r.group === GroupRole.MEMBER;

export const ACTION_RULES = {
  /** Read the initiative's structure, documents, ballots, plans and progress: any role. */
  'initiative.read': isInitiativeMember,
  /** Create organisations (SECRETARIAT of any initiative; checked against that initiative). */
  'organization.create': isSecretariat,
  /** registerPerson, setInitiativeRole. */
  'initiative.manageMembers': isSecretariat,
  /** createWorkingGroup. */
  'initiative.createGroup': isSecretariat,
  /** setReminderPolicy. */
  'initiative.setReminderPolicy': isSecretariat,
  /** setGroupRole / removeGroupMember for CHAIR and VICE_CHAIR targets (or roles). */
  'group.manageChairs': isSecretariat,
  /** setGroupRole / removeGroupMember for MEMBER and OBSERVER targets. */
  'group.manageMembers': (r: Roles) => isSecretariat(r) || isChair(r),
  /** draftTermsOfReference / reviseTermsOfReference of the initiative itself. */
  'initiativeTor.edit': isSecretariat,
  /** draftTermsOfReference / reviseTermsOfReference of a working group. */
  'groupTor.edit': isChairOrVice,
  /** openBallot on the initiative's terms of reference. */
  'initiativeTor.openBallot': isSecretariat,
  /** openBallot on a group's terms of reference. */
  'groupTor.openBallot': (r: Roles) => isSecretariat(r) || isChair(r),
  /**
   * castVote: any member of the initiative may try; whether they are in the ballot's electorate
   * is decided by cast_vote() under the ballot's row lock (FORBIDDEN when they are not).
   */
  'ballot.vote': isInitiativeMember,
  /** closeBallot, cancelBallot; read the tally and votes of an OPEN ballot. */
  'ballot.manage': isSecretariat,
  /** createWorkPlan, addWorkItem, updateWorkItem (any field), removeWorkItem. */
  'workPlan.edit': (r: Roles) => isSecretariat(r) || isChairOrVice(r),
  /** submitWorkPlan: DRAFT -> SUBMITTED. */
  'workPlan.submit': isChairOrVice,
  /** approveWorkPlan: SUBMITTED -> APPROVED. */
  'workPlan.approve': isSecretariat,
  /** importKpis: the initiative's KPI catalogue. */
  'kpi.import': isSecretariat,
  /** linkWorkItemKpis: those who may edit the item's plan. */
  'workItem.linkKpis': (r: Roles) => isSecretariat(r) || isChairOrVice(r),
  /**
   * scheduleMeeting and every change of a meeting (details, sessions, agenda, lifecycle); read
   * DRAFT meetings. SECRETARIAT for any meeting; CHAIR or VICE_CHAIR for their group's (a
   * plenary's scope has no group, so there it is SECRETARIAT only).
   */
  'meeting.schedule': (r: Roles) => isSecretariat(r) || isChairOrVice(r),
  /** recordAttendance, recordDecision, saveMinutes, approveMinutes: whoever runs the meeting (as meeting.schedule). */
  'meeting.record': (r: Roles) => isSecretariat(r) || isChairOrVice(r),
  /** respondToMeeting: any member of the initiative may try; whether they are invited is the meeting's. */
  'meeting.respond': isInitiativeMember,
  /** commentOnTermsOfReference and proposeAmendment on the initiative's own document; OBSERVERs read only. */
  'initiativeTor.comment': isInitiativeParticipant,
  /** commentOnTermsOfReference and proposeAmendment on a group's document: its participants and SECRETARIAT. */
  'groupTor.comment': isGroupParticipant,
  /** commentOnKpi: SECRETARIAT and MEMBERs of the KPI's initiative. */
  'kpi.comment': isInitiativeParticipant,
  /** deleteComment of another person's comment (authors delete their own). */
  'comment.moderate': isSecretariat,
  /** Read the queue dashboard (SECRETARIAT of any initiative); changing queues is for PLATFORM_OPERATORS. */
  'queueDashboard.read': isSecretariat,
} satisfies Record<string, (roles: Roles) => boolean>;

export type Action = keyof typeof ACTION_RULES;

/** Whether roles allow the action (pure: no database, no Nest). */
export function allows(action: Action, roles: Roles): boolean {
  return ACTION_RULES[action](roles);
}
