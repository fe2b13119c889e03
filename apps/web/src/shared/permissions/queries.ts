import { graphql } from '../../gql';

/**
 * Who the caller is in an initiative and (optionally) one of its groups: enough for a page to hide
 * what the caller may not do. The server still decides; this only spares people buttons that would
 * answer FORBIDDEN.
 */
export const MyRolesQuery = graphql(`
  query MyRoles($slug: String!, $groupId: ID!, $inGroup: Boolean!) {
    me {
      id
    }
    initiative(slug: $slug) {
      id
      secretariat: members(role: SECRETARIAT, first: 100) {
        edges {
          node {
            person {
              id
            }
          }
        }
      }
      observers: members(role: OBSERVER, first: 100) {
        edges {
          node {
            person {
              id
            }
          }
        }
      }
    }
    workingGroup(id: $groupId) @include(if: $inGroup) {
      id
      members(first: 100) {
        edges {
          node {
            role
            person {
              id
            }
          }
        }
      }
    }
  }
`);
