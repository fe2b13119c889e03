import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsTimeZone } from '@app/identity';
import { MeetingSessionInput } from './meeting-session.input';

@InputType('UpdateMeetingInput', {
  description:
    'Omitted fields stay as they are; sessions, when given, replace them all. CONFLICT when CLOSED or CANCELLED or expectedVersion is stale.',
})
export class UpdateMeetingInput {
  @Field(() => ID) @IsString() id: string;
  @Field(() => Int) @IsInt() expectedVersion: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 200) title?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 10000) purpose?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 500) venue?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 2000) onlineUrl?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsTimeZone() timeZone?: string | null;
  @Field(() => [MeetingSessionInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => MeetingSessionInput)
  sessions?: MeetingSessionInput[] | null;
}
