import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsPlainText } from '../../plain-text.validator';
import { MAX_PROPOSED_TEXT_LENGTH, MAX_REASON_LENGTH, NOT_BLANK } from '../../text-rules';

@InputType('ProposeAmendmentInput')
export class ProposeAmendmentInput {
  @Field(() => ID) @IsString() termsOfReferenceId: string;
  /** Its upper bound is the current version's number of paragraphs (checked by the service). */
  @Field(() => Int, { description: 'A paragraph of the current version.' }) @IsInt() @Min(1) @Max(100_000) paragraph: number;
  /** Empty deletes the paragraph. */
  @Field() @IsString() @MaxLength(MAX_PROPOSED_TEXT_LENGTH) @IsPlainText() proposedText: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(MAX_REASON_LENGTH)
  @IsPlainText()
  rationale?: string | null;
}
