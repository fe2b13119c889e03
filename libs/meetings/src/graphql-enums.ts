import { registerEnumType } from '@nestjs/graphql';

/** DRAFT -> ANNOUNCED -> IN_PROGRESS -> CLOSED, or DRAFT/ANNOUNCED -> CANCELLED. */
export enum MeetingStatus {
  DRAFT = 'DRAFT',
  ANNOUNCED = 'ANNOUNCED',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export enum AgendaItemKind {
  INFORMATION = 'INFORMATION',
  DISCUSSION = 'DISCUSSION',
  DECISION = 'DECISION',
}

export enum RsvpResponse {
  NO_RESPONSE = 'NO_RESPONSE',
  ATTENDING = 'ATTENDING',
  TENTATIVE = 'TENTATIVE',
  NOT_ATTENDING = 'NOT_ATTENDING',
}

export enum MinutesStatus {
  DRAFT = 'DRAFT',
  FINAL = 'FINAL',
}

registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: `DRAFT: visible to SECRETARIAT and the group's chairs only, no e-mail. ANNOUNCED: invitees are told
(e-mail with an iCalendar REQUEST attachment) and reminded before the first session. IN_PROGRESS:
attendance, decisions and actions can be recorded. CLOSED: the minutes can still be drafted until
approved. CANCELLED: invitees are told (iCalendar CANCEL); nothing more can change.`,
});
registerEnumType(AgendaItemKind, { name: 'AgendaItemKind' });
registerEnumType(RsvpResponse, { name: 'RsvpResponse' });
registerEnumType(MinutesStatus, { name: 'MinutesStatus' });
