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

export const SetTimeZoneMutation = graphql(`
  mutation SetMyTimeZone($timeZone: String!) {
    setMyTimeZone(timeZone: $timeZone) {
      id
      timeZone
    }
  }
`);

export const ChangeMyPasswordMutation = graphql(`
  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      accessToken
    }
  }
`);

export const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);
