import { graphql } from '../gql';

export const MeetingQuery = graphql(`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      id
      number
      title
      purpose
      status
      venue
      onlineUrl
      timeZone
      cancellationReason
      initiative {
        slug
        name
      }
      workingGroup {
        id
        code
        name
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
        presenter {
          id
          name
        }
        ballot {
          id
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
        ballot {
          id
          status
          outcome
        }
      }
      minutes {
        status
        body
        approvedAt
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
