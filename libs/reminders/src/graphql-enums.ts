import { registerEnumType } from '@nestjs/graphql';

export enum NotificationKindEnum {
  WORK_ITEM_DUE = 'WORK_ITEM_DUE',
  WORK_ITEM_OVERDUE = 'WORK_ITEM_OVERDUE',
  BALLOT_OPENED = 'BALLOT_OPENED',
  BALLOT_CLOSING = 'BALLOT_CLOSING',
  BALLOT_CLOSED = 'BALLOT_CLOSED',
  INVITATION = 'INVITATION',
  AMENDMENT_PROPOSED = 'AMENDMENT_PROPOSED',
  AMENDMENT_RESOLVED = 'AMENDMENT_RESOLVED',
  COMMENT_REPLY = 'COMMENT_REPLY',
}

export enum EmailMode {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
  OFF = 'OFF',
}

registerEnumType(NotificationKindEnum, { name: 'NotificationKind' });
registerEnumType(EmailMode, {
  name: 'EmailMode',
  valuesMap: {
    IMMEDIATE: { description: 'One e-mail per notification, as it happens.' },
    DAILY_DIGEST: {
      description:
        "One e-mail a day at 08:00 in the person's time zone, listing that day's notifications; none when there are none.",
    },
    OFF: { description: 'In-app notifications only.' },
  },
});
