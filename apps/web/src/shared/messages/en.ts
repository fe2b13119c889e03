/** Messages shared by every page: the shell, states, times. */
export const en = {
  appName: 'Working groups',
  skipToContent: 'Skip to content',
  nav: {
    home: 'Home',
    notifications: 'Notifications',
    notificationsUnread: 'Notifications ({{count}})',
    account: 'Account',
    settings: 'Settings',
    signOut: 'Sign out',
    language: 'Language',
    mainNavigation: 'Main',
  },
  languages: { en: 'English', fr: 'Français' },
  states: {
    loading: 'Loading…',
    errorTitle: 'Something went wrong',
    retry: 'Try again',
    notFoundTitle: 'Page not found',
    notFoundBody: 'This page does not exist or you cannot see it.',
    backHome: 'Back to the home page',
    offline: 'The server cannot be reached. Check your connection and try again.',
  },
  errors: {
    UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
    FORBIDDEN: 'You are not allowed to do this.',
    NOT_FOUND: 'This item does not exist or you cannot see it.',
    CONFLICT: 'This cannot be done now: {{message}}',
    BAD_USER_INPUT: 'Please check what you entered: {{message}}',
    RATE_LIMITED: 'Too many changes in a short time. Please wait a minute and try again.',
    unknown: 'The server could not complete the request. Please try again.',
  },
  time: {
    inYourZone: 'Times are shown in {{zone}}',
  },
  roles: { SECRETARIAT: 'Secretariat', MEMBER: 'Member', OBSERVER: 'Observer', CHAIR: 'Chair', VICE_CHAIR: 'Vice-chair' },
  readOnly: 'You are an observer: you can read everything, and change nothing.',
};
