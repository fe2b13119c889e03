import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { VotePosition } from '../../graphql-enums';

@InputType('CastVoteInput')
export class CastVoteInput {
  @Field(() => ID) @IsString() ballotId: string;
  @Field(() => VotePosition) @IsEnum(VotePosition) position: VotePosition;
  /** Required (non-blank) for OBJECT: checked by the service, which knows the position. */
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) comment?: string | null;
}
