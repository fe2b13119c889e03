import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';

@InputType('RecordDecisionInput')
export class RecordDecisionInput {
  @Field(() => ID) @IsString() meetingId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() agendaItemId?: string | null;
  @Field() @IsString() @Length(1, 10000) text: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() ballotId?: string | null;
}
