import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { AgendaItemKind } from '../graphql-enums';

@InputType('AddAgendaItemInput')
export class AddAgendaItemInput {
  @Field(() => ID) @IsString() meetingId: string;
  @Field() @IsString() @Length(1, 200) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 10000) description?: string | null;
  @Field(() => AgendaItemKind) @IsEnum(AgendaItemKind) kind: AgendaItemKind;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1440) durationMinutes?: number | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() presenterId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() sessionId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() termsOfReferenceId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() ballotId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() workPlanId?: string | null;
  @Field(() => [ID], { nullable: true, description: "KPIs of the meeting's initiative; given: replaces the links." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  kpiIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: '1-based; omitted: at the end.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number | null;
}
