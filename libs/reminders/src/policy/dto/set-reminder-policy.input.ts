import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsString } from 'class-validator';
import { DurationScalar } from '@app/platform';

@InputType('SetReminderPolicyInput')
export class SetReminderPolicyInput {
  @Field(() => ID) @IsString() initiativeId: string;

  /** Positive durations (P14D, PT12H, PT2S), at most 20. */
  @Field(() => [DurationScalar])
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  leadTimes: string[];

  @Field() @IsBoolean() remindOverdue: boolean;
}
