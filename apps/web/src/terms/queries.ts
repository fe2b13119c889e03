import { graphql } from '../gql';

export const TermsQuery = graphql(`
  query Terms($id: ID!) {
    me {
      id
    }
    termsOfReference(id: $id) {
      id
      title
      status
      initiative {
        slug
        name
      }
      workingGroup {
        id
        code
        name
      }
      approvedVersion {
        number
      }
      currentVersion {
        id
        number
      }
      versions {
        id
        number
        body
        contentHash
        changeSummary
        createdAt
        author {
          name
        }
      }
      ballots {
        id
        status
        closesAt
        outcome
      }
      comments(first: 100) {
        totalCount
        pageInfo {
          hasNextPage
        }
        edges {
          node {
            ...CommentThread
          }
        }
      }
      amendments {
        ...AmendmentFields
      }
    }
  }
`);
