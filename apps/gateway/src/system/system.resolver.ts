import { Query, Resolver } from '@nestjs/graphql';

/** Server facts any client may ask for, signed in or not. */
@Resolver()
export class SystemResolver {
  /** Lets clients correct for clock skew before a ballot closes. */
  @Query(() => Date, { description: "The server's current time. Ballots close by this clock." })
  serverTime(): Date {
    return new Date();
  }
}
