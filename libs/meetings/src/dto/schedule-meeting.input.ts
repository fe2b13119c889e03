import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsTimeZone } from '@app/identity';
import { MeetingSessionInput } from './meeting-session.input';

@InputType('ScheduleMeetingInput', {
  description:
    "SECRETARIAT for any meeting; CHAIR or VICE_CHAIR for their group's. Sessions: 1 to 14, each ending after it starts, none overlapping.",
})
export class ScheduleMeetingInput {
  @Field(() => ID) @IsString() initiativeId: string;
  @Field(() => ID, { nullable: true, description: 'Omit for a plenary.' }) @IsOptional() @IsString() workingGroupId?:
    string | null;
  @Field() @IsString() @Length(1, 200) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 10000) purpose?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 500) venue?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 2000) onlineUrl?: string | null;
  @Field(() => String, { nullable: true, description: "Defaults to the initiative's zone." })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string | null;
  @Field(() => [MeetingSessionInput])
  @IsArray()
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => MeetingSessionInput)
  sessions: MeetingSessionInput[];
}
