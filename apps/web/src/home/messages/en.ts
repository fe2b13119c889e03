export const en = {
  title: 'What needs me',
  greeting: 'Welcome, {{name}}.',
  ballots: {
    title: 'Ballots awaiting your vote',
    empty: 'No ballot is waiting for your vote.',
    closes: 'Closes',
    vote: 'Vote on {{title}}',
  },
  items: {
    title: 'Your items due soon',
    empty: 'None of your work items is due in the next 30 days.',
    overdue: 'Overdue',
    due: 'Due',
  },
  notifications: {
    title: 'Unread notifications',
    empty: 'You have read every notification.',
    all: 'All notifications',
    more: 'and {{count}} more',
  },
  initiatives: {
    title: 'Your initiatives',
    none: 'You do not belong to any initiative yet. The secretariat of an initiative can invite you.',
  },
};
