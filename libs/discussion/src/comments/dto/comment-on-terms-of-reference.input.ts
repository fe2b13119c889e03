import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsPlainText } from '../../plain-text.validator';
import { MAX_COMMENT_LENGTH, NOT_BLANK } from '../../text-rules';

@InputType('CommentOnTermsOfReferenceInput')
export class CommentOnTermsOfReferenceInput {
  @Field(() => ID) @IsString() termsOfReferenceId: string;
  @Field(() => ID, { nullable: true, description: 'Defaults to the current version.' })
  @IsOptional()
  @IsString()
  versionId?: string | null;
  /** Its upper bound is the version's number of paragraphs (checked by the service). */
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100_000) paragraph?: number | null;
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(MAX_COMMENT_LENGTH)
  @IsPlainText()
  body: string;
  @Field(() => ID, { nullable: true, description: 'Replying to a top-level comment of the same document.' })
  @IsOptional()
  @IsString()
  parentId?: string | null;
}
