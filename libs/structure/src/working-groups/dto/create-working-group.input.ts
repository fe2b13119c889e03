import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';

@InputType('CreateWorkingGroupInput')
export class CreateWorkingGroupInput {
  @Field(() => ID)
  @IsString()
  initiativeId: string;

  @Field()
  @IsString()
  @Matches(/^[A-Z0-9-]{1,16}$/, { message: 'must be 1-16 capital letters, digits or -' })
  code: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @Field()
  @IsString()
  @Length(1, 10_000)
  mandate: string;
}
