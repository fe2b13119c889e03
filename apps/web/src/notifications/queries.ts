import { graphql } from '../gql';

export const NotificationsQuery = graphql(`
  query Notifications {
    myNotifications(first: 100) {
      totalCount
      edges {
        node {
          id
          kind
          title
          body
          createdAt
          dueAt
          readAt
          subjectId
        }
      }
    }
  }
`);

export const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);
