import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A person as clients see it; `organization` is resolved by PeopleResolver from organizationId. */
@ObjectType('Person')
export class PersonModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() email: string;
  @Field() timeZone: string;
  /** Not a GraphQL field: the key of `organization`. */
  organizationId: string | null;
}

/** Columns selected for a PersonModel (raw SQL, aliased to the model's names; never the password hash). */
export const PERSON_COLUMNS = `id, name, email, time_zone AS "timeZone", organization_id AS "organizationId"`;
