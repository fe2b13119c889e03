import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@InputType('ReviseTermsOfReferenceInput')
export class ReviseTermsOfReferenceInput {
  @Field(() => ID) @IsString() termsOfReferenceId: string;
  @Field() @IsString() @Matches(/\S/, { message: 'must not be blank' }) @MaxLength(200_000) body: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) changeSummary?: string | null;
}
