import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@app/platform';

/**
 * An initiative. `members` and `workingGroups` are resolved by InitiativesResolver;
 * `termsOfReference` and `reminderPolicy` by their own libraries (@ResolveField on this model).
 */
@ObjectType('Initiative')
export class InitiativeModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  /** YYYY-MM-DD. */
  @Field(() => DateScalar, { nullable: true }) launchedOn: string | null;
  @Field() timeZone: string;
}

export const INITIATIVE_COLUMNS = `id, slug, name, description, to_char(launched_on, 'YYYY-MM-DD') AS "launchedOn", time_zone AS "timeZone"`;
