import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { WorkItemStatus } from '../work-plans/work-plan.enums';

/**
 * Omitted fields are left as they are; an explicit null clears description, ownerId, dueAt
 * and parentId (and is refused for title, status and percentComplete).
 */
@InputType('UpdateWorkItemInput', {
  description: "Omitted fields are left as they are; expectedVersion must equal the item's version, else CONFLICT.",
})
export class UpdateWorkItemInput {
  @Field(() => ID) @IsString() id: string;

  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 10000)
  description?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() ownerId?: string | null;

  @Field(() => Date, { nullable: true }) @IsOptional() dueAt?: Date | null;

  @Field(() => WorkItemStatus, { nullable: true }) @IsOptional() @IsEnum(WorkItemStatus) status?: WorkItemStatus | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percentComplete?: number | null;

  /** Replaces the item's dependencies (items of the same plan). */
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  dependsOnIds?: string[] | null;

  /** Not in the public contract (an addition): moves the item under another item of the plan; null makes it top-level. */
  @Field(() => ID, {
    nullable: true,
    description: 'Moves the item under another item of the same plan; null makes it top-level.',
  })
  @IsOptional()
  @IsString()
  parentId?: string | null;
}
