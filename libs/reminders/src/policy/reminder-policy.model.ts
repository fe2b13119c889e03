import { Field, ObjectType } from '@nestjs/graphql';
import { DurationScalar, listOf } from '@app/platform';

@ObjectType('ReminderPolicy', {
  description: 'Lead times before each deadline at which reminders go out; remindOverdue adds one at the deadline.',
})
export class ReminderPolicyModel {
  @Field(() => [DurationScalar], { complexity: listOf(20) }) leadTimes: string[];
  @Field() remindOverdue: boolean;
}
