import { graphql } from '../../gql';

export const ShellQuery = graphql(`
  query Shell {
    me {
      id
      name
      timeZone
    }
    unread: myNotifications(unreadOnly: true, first: 1) {
      totalCount
    }
  }
`);

/** A new notification for the signed-in person (the banner's unread count and the lists re-read). */
export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
    }
  }
`);
