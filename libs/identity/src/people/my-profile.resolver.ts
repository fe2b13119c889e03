import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { AccessPolicy } from '../access/access-policy.service';
import { MyProfileService } from './my-profile.service';
import { PersonModel } from './person.model';

@Resolver()
export class MyProfileResolver {
  constructor(
    private readonly profile: MyProfileService,
    private readonly policy: AccessPolicy,
  ) {}

  @Mutation(() => PersonModel, {
    description: "The caller's time zone (an IANA name such as Europe/Zurich); BAD_USER_INPUT for any other value.",
  })
  setMyTimeZone(@Args('timeZone') timeZone: string, @Context() ctx: RequestContext): Promise<PersonModel> {
    return this.profile.setTimeZone(this.policy.requireCaller(ctx.caller).personId, timeZone);
  }
}
