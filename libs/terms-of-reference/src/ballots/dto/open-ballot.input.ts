import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsNumber, IsPositive, IsString, Max } from 'class-validator';
import { DecisionRuleEnum } from '../../graphql-enums';

@InputType('OpenBallotInput')
export class OpenBallotInput {
  @Field(() => ID) @IsString() termsOfReferenceId: string;
  @Field() @IsDate() closesAt: Date;
  @Field(() => DecisionRuleEnum) @IsEnum(DecisionRuleEnum) rule: DecisionRuleEnum;
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive({ message: 'must be in (0, 1]' })
  @Max(1, { message: 'must be in (0, 1]' })
  quorum: number;
}
