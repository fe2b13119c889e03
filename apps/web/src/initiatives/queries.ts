import { graphql } from '../gql';

export const InitiativeQuery = graphql(`
  query Initiative($slug: String!) {
    initiative(slug: $slug) {
      id
      name
      description
      launchedOn
      timeZone
      termsOfReference {
        id
        title
        status
      }
    }
  }
`);

export const InitiativeProgressQuery = graphql(`
  query InitiativeProgress($initiativeId: ID!) {
    initiativeProgress(initiativeId: $initiativeId) {
      asOf
      totals {
        percentComplete
        total
        done
        overdue
      }
      openBallots {
        id
        closesAt
        termsOfReference {
          title
        }
      }
      workingGroups {
        workingGroup {
          id
          code
          name
          status
        }
        workPlan {
          id
          status
        }
        progress {
          percentComplete
          total
          done
          inProgress
          blocked
          overdue
        }
      }
    }
  }
`);
