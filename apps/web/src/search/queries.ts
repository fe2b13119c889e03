import { graphql } from '../gql';

/** The caller's initiatives: the search box searches one of them. */
export const SearchInitiativesQuery = graphql(`
  query SearchInitiatives {
    initiatives {
      id
      slug
      name
    }
  }
`);

export const SearchQuery = graphql(`
  query Search($initiativeId: ID!, $query: String!, $kinds: [SearchHitKind!], $first: Int, $after: String) {
    search(initiativeId: $initiativeId, query: $query, kinds: $kinds, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          kind
          id
          title
          snippet
          context
          path
        }
      }
    }
  }
`);
