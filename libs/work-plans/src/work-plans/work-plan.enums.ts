import { registerEnumType } from '@nestjs/graphql';

/** DRAFT -> SUBMITTED (chairs) -> APPROVED (SECRETARIAT). */
export enum WorkPlanStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
}

export enum WorkItemKind {
  DELIVERABLE = 'DELIVERABLE',
  MILESTONE = 'MILESTONE',
  TASK = 'TASK',
}

export enum WorkItemStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  BLOCKED = 'BLOCKED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

registerEnumType(WorkPlanStatus, { name: 'WorkPlanStatus' });
registerEnumType(WorkItemKind, { name: 'WorkItemKind' });
registerEnumType(WorkItemStatus, { name: 'WorkItemStatus' });
