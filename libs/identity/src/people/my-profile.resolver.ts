import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { MyProfileService } from './my-profile.service';
import { PersonModel } from './person.model';

@Resolver()
export class MyProfileResolver {
  constructor(private readonly profile: MyProfileService) {}

  @Mutation(() => PersonModel, {
    description: "The caller's time zone (an IANA name such as Europe/Zurich); BAD_USER_INPUT for any other value.",
  })
  setMyTimeZone(@Args('timeZone') timeZone: string, @Context() ctx: RequestContext): Promise<PersonModel> {
    return this.profile.setTimeZone(ctx.caller, timeZone);
  }
}
