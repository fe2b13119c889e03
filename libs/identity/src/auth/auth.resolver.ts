import { Args, Context, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '@app/platform';
import { PersonModel } from '../people/person.model';
import { clientKey } from '../sign-in/client-key';
import { requireOneSignIn } from '../sign-in/one-sign-in-per-request';
import { AuthPayloadModel } from './auth-payload.model';
import { AuthService } from './auth.service';

/** Whom sign-in failures are counted against: the client address Express derived (TRUST_PROXY). */
const clientOf = (ctx: RequestContext) => clientKey(ctx.req.ip);

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Query(() => PersonModel, { description: 'The caller. UNAUTHENTICATED without a valid token.' })
  me(@Context() ctx: RequestContext): Promise<PersonModel> {
    return this.auth.me(ctx.caller);
  }

  @Mutation(() => AuthPayloadModel, { description: 'UNAUTHENTICATED on a wrong e-mail or password (the same message for both).' })
  login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AuthPayloadModel> {
    requireOneSignIn(info);
    return this.auth.login(clientOf(ctx), email, password);
  }

  @Mutation(() => AuthPayloadModel, { description: 'Consumes a one-time invitation token and sets the password.' })
  acceptInvitation(
    @Args('token') token: string,
    @Args('password') password: string,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AuthPayloadModel> {
    requireOneSignIn(info);
    return this.auth.acceptInvitation(clientOf(ctx), token, password);
  }

  @Mutation(() => AuthPayloadModel, {
    description: 'Every other token of the caller stops working. UNAUTHENTICATED when currentPassword is wrong.',
  })
  changeMyPassword(
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AuthPayloadModel> {
    requireOneSignIn(info);
    return this.auth.changeMyPassword(ctx.caller, clientOf(ctx), currentPassword, newPassword);
  }

  @Mutation(() => Boolean, { description: 'Every token of the caller, this one included, stops working.' })
  signOutEverywhere(@Context() ctx: RequestContext): Promise<boolean> {
    return this.auth.signOutEverywhere(ctx.caller);
  }
}
