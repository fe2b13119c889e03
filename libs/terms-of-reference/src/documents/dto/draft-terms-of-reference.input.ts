import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const NOT_BLANK = /\S/;

@InputType('DraftTermsOfReferenceInput')
export class DraftTermsOfReferenceInput {
  @Field(() => ID) @IsString() initiativeId: string;
  @Field(() => ID, { nullable: true, description: "Omit for the initiative's own terms of reference." })
  @IsOptional()
  @IsString()
  workingGroupId?: string | null;
  @Field() @IsString() @Matches(NOT_BLANK, { message: 'must not be blank' }) @MaxLength(200) title: string;
  @Field() @IsString() @IsNotEmpty() @Matches(NOT_BLANK, { message: 'must not be blank' }) @MaxLength(200_000) body: string;
}
