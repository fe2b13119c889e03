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
