import { urls } from '../app/urls';

/** Where a notification leads: its ballot or meeting, or the notifications page for work items (their group is not in the notification). */
export function notificationLink(notification: { kind: string; subjectId: string }): string {
  if (notification.kind.startsWith('BALLOT_')) return urls.ballot(notification.subjectId);
  if (notification.kind.startsWith('MEETING_') || notification.kind === 'MINUTES_MISSING')
    return urls.meeting(notification.subjectId);
  return urls.notifications();
}
