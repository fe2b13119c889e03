import { graphql } from '../gql';

export const SettingsQuery = graphql(`
  query Settings {
    me {
      id
      name
      email
      timeZone
    }
    myNotificationPreferences {
      emailMode
    }
    myCalendarFeedUrl
  }
`);

export const SetEmailModeMutation = graphql(`
  mutation SetEmailMode($emailMode: EmailMode!) {
    setMyNotificationPreferences(emailMode: $emailMode) {
      emailMode
    }
  }
`);

export const RotateFeedMutation = graphql(`
  mutation RotateCalendarFeed {
    rotateMyCalendarFeedUrl
  }
`);
