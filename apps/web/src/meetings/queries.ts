import { graphql } from '../gql';

export const MeetingQuery = graphql(`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      id
      number
      title
      purpose
      status
      version
      venue
      onlineUrl
      timeZone
      cancellationReason
      initiative {
        id
        slug
        name
      }
      workingGroup {
        id
        code
        name
        chairs {
          id
        }
      }
      sessions {
        id
        title
        startsAt
        endsAt
      }
      agenda {
        id
        position
        title
        kind
        description
        durationMinutes
        presenter {
          id
          name
        }
        ballot {
          id
        }
        actions {
          id
          title
          dueAt
          owner {
            id
            name
          }
        }
        termsOfReference {
          id
          title
        }
        workPlan {
          id
          title
          workingGroup {
            id
            code
          }
        }
      }
      decisions {
        id
        number
        text
        agendaItem {
          id
        }
        ballot {
          id
          status
          outcome
        }
      }
      minutes {
        status
        body
        version
        approvedAt
      }
      participants(first: 200) {
        totalCount
        edges {
          node {
            response
            attended
            person {
              id
              name
            }
          }
        }
      }
      myParticipation {
        response
      }
    }
  }
`);

export const RespondToMeetingMutation = graphql(`
  mutation RespondToMeeting($meetingId: ID!, $response: RsvpResponse!) {
    respondToMeeting(meetingId: $meetingId, response: $response) {
      response
    }
  }
`);
