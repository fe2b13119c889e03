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

/** The picker of a work item's KPIs: the initiative's catalogue searched by code or name. */
export const KpiPickerQuery = graphql(`
  query KpiPicker($slug: String!, $search: String) {
    initiative(slug: $slug) {
      id
      kpis(search: $search, first: 20) {
        totalCount
        edges {
          node {
            id
            code
            name
          }
        }
      }
    }
  }
`);

export const LinkWorkItemKpisMutation = graphql(`
  mutation LinkWorkItemKpis($workItemId: ID!, $kpiIds: [ID!]!) {
    linkWorkItemKpis(workItemId: $workItemId, kpiIds: $kpiIds) {
      id
      kpis {
        id
        code
        name
      }
    }
  }
`);
