import { graphql } from '../gql';

export const KpiCatalogueQuery = graphql(`
  query KpiCatalogue($slug: String!, $dimension: KpiDimension, $level: KpiLevel, $search: String, $first: Int, $after: String) {
    initiative(slug: $slug) {
      id
      name
      kpis(dimension: $dimension, level: $level, search: $search, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            code
            name
            dimension
            level
          }
        }
      }
    }
  }
`);

export const KpiQuery = graphql(`
  query Kpi($id: ID!) {
    me {
      id
    }
    kpi(id: $id) {
      id
      code
      name
      dimension
      subDimension
      category
      level
      definition
      unit
      workItems {
        id
        title
        status
        workPlan {
          id
          workingGroup {
            id
            code
          }
        }
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
    }
  }
`);
