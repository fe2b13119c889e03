import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsPlainText } from '../../plain-text.validator';
import { MAX_COMMENT_LENGTH, NOT_BLANK } from '../../text-rules';

@InputType('CommentOnKpiInput')
export class CommentOnKpiInput {
  @Field(() => ID) @IsString() kpiId: string;
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  @MaxLength(MAX_COMMENT_LENGTH)
  @IsPlainText()
  body: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() parentId?: string | null;
}
