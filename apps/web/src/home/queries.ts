import { graphql } from '../gql';

export const HomeQuery = graphql(`
  query Home {
    me {
      id
      name
    }
    initiatives {
      id
      slug
      name
    }
    unread: myNotifications(unreadOnly: true, first: 5) {
      totalCount
      edges {
        node {
          id
          kind
          title
          body
          createdAt
          subjectId
        }
      }
    }
  }
`);

export const HomeInitiativeQuery = graphql(`
  query HomeInitiative($initiativeId: ID!) {
    initiativeProgress(initiativeId: $initiativeId) {
      openBallots {
        id
        closesAt
        eligibleToVote
        myVote {
          position
        }
        termsOfReference {
          id
          title
        }
      }
      workingGroups {
        progress {
          nextDue {
            ...DueItem
          }
        }
      }
    }
    overdueItems(initiativeId: $initiativeId, first: 100) {
      edges {
        node {
          ...DueItem
        }
      }
    }
  }

  fragment DueItem on WorkItem {
    id
    title
    dueAt
    overdue
    status
    owner {
      id
    }
    workPlan {
      workingGroup {
        id
        code
      }
    }
  }
`);
