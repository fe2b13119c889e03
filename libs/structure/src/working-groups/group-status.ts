export enum GroupStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
