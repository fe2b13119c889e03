import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { AccessPolicy } from '../access/access-policy.service';
import { PersonModel } from '../people/person.model';
import { AuthPayloadModel } from './auth-payload.model';
import { AuthService } from './auth.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly policy: AccessPolicy,
  ) {}

  @Query(() => PersonModel, { description: 'The caller. UNAUTHENTICATED without a valid token.' })
  me(@Context() ctx: RequestContext): Promise<PersonModel> {
    return this.auth.me(this.policy.requireCaller(ctx.caller).personId);
  }

  @Mutation(() => AuthPayloadModel, { description: 'UNAUTHENTICATED on a wrong e-mail or password (the same message for both).' })
  login(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayloadModel> {
    return this.auth.login(email, password);
  }

  @Mutation(() => AuthPayloadModel, { description: 'Consumes a one-time invitation token and sets the password.' })
  acceptInvitation(@Args('token') token: string, @Args('password') password: string): Promise<AuthPayloadModel> {
    return this.auth.acceptInvitation(token, password);
  }
}
