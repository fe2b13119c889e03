import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { DateScalar } from '@app/platform';

@InputType('CreateWorkPlanInput')
export class CreateWorkPlanInput {
  @Field(() => ID) @IsString() workingGroupId: string;

  @Field()
  @IsString()
  @Length(1, 200)
  title: string;

  /** YYYY-MM-DD (the Date scalar has checked the format). */
  @Field(() => DateScalar) @IsString() periodStart: string;

  /** YYYY-MM-DD, not before periodStart (checked by the service). */
  @Field(() => DateScalar) @IsString() periodEnd: string;
}
