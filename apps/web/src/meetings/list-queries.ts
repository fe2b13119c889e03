import { graphql } from '../gql';

export const InitiativeMeetingsQuery = graphql(`
  query InitiativeMeetings($slug: String!, $from: DateTime, $to: DateTime) {
    initiative(slug: $slug) {
      id
      meetings(first: 50, from: $from, to: $to) {
        totalCount
        edges {
          node {
            ...MeetingSummary
          }
        }
      }
    }
  }

  fragment MeetingSummary on Meeting {
    id
    title
    status
    startsAt
    myParticipation {
      response
    }
  }
`);

export const GroupMeetingsQuery = graphql(`
  query GroupMeetings($id: ID!) {
    workingGroup(id: $id) {
      id
      meetings(first: 50) {
        totalCount
        edges {
          node {
            ...MeetingSummary
          }
        }
      }
    }
  }
`);
