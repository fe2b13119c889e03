import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';

@InputType('RecordActionInput', {
  description: 'Creates a TASK in the work plan, owned and due as given, linked to the agenda item.',
})
export class RecordActionInput {
  @Field(() => ID) @IsString() agendaItemId: string;
  @Field(() => ID) @IsString() workPlanId: string;
  @Field() @IsString() @Length(1, 200) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 10000) description?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() ownerId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() dueAt?: Date | null;
}
