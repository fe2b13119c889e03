export const en = {
  title: 'Settings',
  profile: 'Profile',
  signedInAs: 'Signed in as {{name}} ({{email}})',
  email: {
    title: 'E-mail',
    legend: 'E-mail',
    IMMEDIATE: 'Immediately',
    DAILY_DIGEST: 'Daily digest at 08:00',
    OFF: 'Off',
    saved: 'E-mail preference saved.',
  },
  zone: {
    title: 'Time zone',
    label: 'Time zone',
    help: 'Every time is shown in this zone. The secretariat records it in your profile.',
  },
  calendar: {
    title: 'Calendar',
    label: 'Calendar feed',
    help: 'Add this address to your calendar application to see your deadlines and ballot closings. Keep it private: anyone with it can read them.',
    copy: 'Copy',
    copied: 'Address copied.',
    rotate: 'New feed address',
    rotated: 'New address created: the old one no longer works.',
  },
};
