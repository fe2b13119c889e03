import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { WorkItemKind } from '../work-plans/work-plan.enums';

@InputType('AddWorkItemInput')
export class AddWorkItemInput {
  @Field(() => ID) @IsString() workPlanId: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() parentId?: string | null;

  @Field(() => WorkItemKind) @IsEnum(WorkItemKind) kind: WorkItemKind;

  @Field()
  @IsString()
  @Length(1, 200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 10000)
  description?: string | null;

  /** A member of the plan's group in any role but OBSERVER. */
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() ownerId?: string | null;

  @Field(() => Date, { nullable: true }) @IsOptional() dueAt?: Date | null;

  /** Items of the same plan. */
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  dependsOnIds?: string[] | null;
}
