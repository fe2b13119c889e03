import { urls } from '../app/urls';

/** Where a notification leads: its ballot, or the home page for work items (their group is not in the notification). */
export function notificationLink(notification: { kind: string; subjectId: string }): string {
  return notification.kind.startsWith('BALLOT_') ? urls.ballot(notification.subjectId) : urls.notifications();
}
