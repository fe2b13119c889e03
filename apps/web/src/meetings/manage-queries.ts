import { graphql } from '../gql';

/**
 * Who the reader is in the initiative, so that pages show the chair's and secretariat's tools to
 * those who may use them (the API refuses the others anyway): the secretariat and each group's chairs.
 */
export const MeetingRolesQuery = graphql(`
  query MeetingRoles($slug: String!) {
    me {
      id
    }
    initiative(slug: $slug) {
      id
      timeZone
      secretariat: members(role: SECRETARIAT, first: 50) {
        edges {
          node {
            person {
              id
            }
          }
        }
      }
      workingGroups {
        id
        code
        name
        chairs {
          id
        }
      }
    }
  }
`);

/** What an agenda item, a decision or an action may point at: terms of reference, their ballots, work plans and people. */
export const MeetingPapersQuery = graphql(`
  query MeetingPapers($slug: String!) {
    initiative(slug: $slug) {
      id
      termsOfReference {
        ...PaperTerms
      }
      workingGroups {
        id
        code
        termsOfReference {
          ...PaperTerms
        }
        workPlan {
          id
          title
        }
      }
      members(first: 200) {
        edges {
          node {
            person {
              id
              name
            }
          }
        }
      }
    }
  }

  fragment PaperTerms on TermsOfReference {
    id
    title
    ballots {
      id
      status
      outcome
      closesAt
    }
  }
`);

/** The decisions register of an initiative, newest first. */
export const DecisionsRegisterQuery = graphql(`
  query DecisionsRegister($slug: String!, $after: String) {
    initiative(slug: $slug) {
      id
      name
      decisions(first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            number
            text
            recordedAt
            meeting {
              id
              title
              number
            }
            ballot {
              id
              status
              outcome
              termsOfReference {
                title
              }
            }
          }
        }
      }
    }
  }
`);
