import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsPlainText } from '../../plain-text.validator';
import { MAX_REASON_LENGTH, NOT_BLANK } from '../../text-rules';

/** Amendments one acceptance may take in, at most. */
export const MAX_ACCEPTED_AT_ONCE = 100;

@InputType('AcceptAmendmentsInput')
export class AcceptAmendmentsInput {
  @Field(() => ID) @IsString() termsOfReferenceId: string;
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ACCEPTED_AT_ONCE)
  @IsString({ each: true })
  amendmentIds: string[];
  @Field(() => String, { nullable: true, description: 'Given to each amendment as its resolution.' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(MAX_REASON_LENGTH)
  @IsPlainText()
  resolution?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsPlainText()
  changeSummary?: string | null;
}
