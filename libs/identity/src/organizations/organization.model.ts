import { Field, ID, ObjectType } from '@nestjs/graphql';
import '../graphql-enums';
import { OrganizationKind } from './organization-kind';

@ObjectType('Organization')
export class OrganizationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) acronym: string | null;
  @Field(() => OrganizationKind) kind: OrganizationKind;
  @Field(() => String, { nullable: true }) country: string | null;
}

/** Columns selected for an OrganizationModel (raw SQL, aliased to the model's names). */
export const ORGANIZATION_COLUMNS = `id, name, acronym, kind, country`;
