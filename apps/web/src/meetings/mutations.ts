import { graphql } from '../gql';

export const ScheduleMeetingMutation = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      id
    }
  }
`);

export const UpdateMeetingMutation = graphql(`
  mutation UpdateMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      id
      version
    }
  }
`);

export const AnnounceMeetingMutation = graphql(`
  mutation AnnounceMeeting($id: ID!) {
    announceMeeting(id: $id) {
      id
      status
      version
    }
  }
`);

export const StartMeetingMutation = graphql(`
  mutation StartMeeting($id: ID!) {
    startMeeting(id: $id) {
      id
      status
      version
    }
  }
`);

export const CloseMeetingMutation = graphql(`
  mutation CloseMeeting($id: ID!) {
    closeMeeting(id: $id) {
      id
      status
      version
    }
  }
`);

export const CancelMeetingMutation = graphql(`
  mutation CancelMeeting($id: ID!, $reason: String!) {
    cancelMeeting(id: $id, reason: $reason) {
      id
      status
      version
      cancellationReason
    }
  }
`);

export const AddAgendaItemMutation = graphql(`
  mutation AddAgendaItem($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      id
    }
  }
`);

export const UpdateAgendaItemMutation = graphql(`
  mutation UpdateAgendaItem($input: UpdateAgendaItemInput!) {
    updateAgendaItem(input: $input) {
      id
    }
  }
`);

export const MoveAgendaItemMutation = graphql(`
  mutation MoveAgendaItem($id: ID!, $position: Int!) {
    moveAgendaItem(id: $id, position: $position) {
      id
      position
    }
  }
`);

export const RemoveAgendaItemMutation = graphql(`
  mutation RemoveAgendaItem($id: ID!) {
    removeAgendaItem(id: $id)
  }
`);

export const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($meetingId: ID!, $personIds: [ID!]!, $attended: Boolean!) {
    recordAttendance(meetingId: $meetingId, personIds: $personIds, attended: $attended) {
      attended
      person {
        id
      }
    }
  }
`);

export const RecordDecisionMutation = graphql(`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      id
      number
    }
  }
`);

export const RecordActionMutation = graphql(`
  mutation RecordAction($input: RecordActionInput!) {
    recordAction(input: $input) {
      id
      title
    }
  }
`);

export const SaveMinutesMutation = graphql(`
  mutation SaveMinutes($meetingId: ID!, $body: String!, $expectedVersion: Int!) {
    saveMinutes(meetingId: $meetingId, body: $body, expectedVersion: $expectedVersion) {
      status
      version
    }
  }
`);

export const ApproveMinutesMutation = graphql(`
  mutation ApproveMinutes($meetingId: ID!) {
    approveMinutes(meetingId: $meetingId) {
      status
      version
    }
  }
`);
