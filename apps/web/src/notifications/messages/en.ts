export const en = {
  title: 'Notifications',
  listLabel: 'Notifications, newest first',
  empty: 'You have no notifications yet. Reminders of deadlines and ballots will appear here.',
  markAllRead: 'Mark all read',
  markRead: 'Mark read',
  markedRead: '{{count}} notifications marked read.',
  unread: 'Unread',
  open: 'Open',
  due: 'Deadline',
  kind: {
    BALLOT_OPENED: 'Ballot opened',
    BALLOT_CLOSING: 'Ballot closing',
    BALLOT_CLOSED: 'Ballot closed',
    WORK_ITEM_DUE: 'Work item due',
    WORK_ITEM_OVERDUE: 'Work item overdue',
    INVITATION: 'Invitation',
  },
};
