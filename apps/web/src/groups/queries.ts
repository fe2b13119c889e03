import { graphql } from '../gql';

export const GroupQuery = graphql(`
  query Group($id: ID!) {
    workingGroup(id: $id) {
      id
      code
      name
      mandate
      status
      initiative {
        id
        slug
        name
      }
      chairs {
        id
        name
        organization {
          acronym
          name
        }
      }
      members(first: 100) {
        totalCount
        edges {
          node {
            role
            person {
              id
              name
              organization {
                acronym
                name
              }
            }
          }
        }
      }
      termsOfReference {
        id
        title
        status
      }
      workPlan {
        id
        title
        status
        periodStart
        periodEnd
        progress {
          percentComplete
          total
          done
          overdue
        }
        items(first: 100) {
          totalCount
          edges {
            node {
              id
              title
              kind
              dueAt
              status
              overdue
              percentComplete
              owner {
                id
                name
              }
              kpis {
                id
                code
                name
              }
            }
          }
        }
      }
    }
  }
`);
