import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, Length } from 'class-validator';

@InputType('MeetingSessionInput')
export class MeetingSessionInput {
  @Field(() => Date) @IsDate() startsAt: Date;
  @Field(() => Date) @IsDate() endsAt: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 200) title?: string | null;
}
