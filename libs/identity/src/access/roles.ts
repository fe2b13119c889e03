/** Role of a person in an initiative (contract: InitiativeRole). */
export enum InitiativeRole {
  SECRETARIAT = 'SECRETARIAT',
  MEMBER = 'MEMBER',
  OBSERVER = 'OBSERVER',
}

/** Role of a person in a working group (contract: GroupRole). */
export enum GroupRole {
  CHAIR = 'CHAIR',
  VICE_CHAIR = 'VICE_CHAIR',
  MEMBER = 'MEMBER',
  OBSERVER = 'OBSERVER',
}

/** The caller's roles where an action takes place; null where they have none. */
export interface Roles {
  initiative: InitiativeRole | null;
  /** The role in the working group the action concerns (null when none or not group-scoped). */
  group: GroupRole | null;
}
