/** Outbox topic written by setReminderPolicy (subject = the initiative). */
export const POLICY_CHANGED_TOPIC = 'reminders.policy_changed';
