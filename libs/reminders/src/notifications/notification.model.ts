import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '@app/platform';
import { EmailMode, NotificationKindEnum } from '../graphql-enums';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field(() => NotificationKindEnum) kind: NotificationKindEnum;
  @Field(() => ID, { description: 'Id of the work item or ballot it is about.' }) subjectId: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => Date, { nullable: true, description: 'The deadline it reminds of, if any.' }) dueAt: Date | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) emailedAt: Date | null;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
  /** Exact creation instant (microseconds) for the cursor; not exposed. */
  cursorAt?: string;
}

@ObjectType('NotificationConnection')
export class NotificationConnection extends Connection(NotificationModel, 'Notification') {}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesModel {
  @Field(() => EmailMode) emailMode: EmailMode;
}
