import { Module } from '@nestjs/common';
import { Authenticator } from '@app/platform';
import { AccessPolicy } from './access/access-policy.service';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { JwtAuthenticator } from './auth/jwt-authenticator';
import { TokenRevocations } from './auth/token-revocations.service';
import { TokenService } from './auth/token.service';
import { OrganizationsResolver } from './organizations/organizations.resolver';
import { OrganizationsService } from './organizations/organizations.service';
import { InvitationsService } from './people/invitations.service';
import { PeopleResolver } from './people/people.resolver';
import { SignInAttempts } from './sign-in/sign-in-attempts.service';

/** People, organisations, sign-in and the access policy. */
@Module({
  providers: [
    AccessPolicy,
    TokenRevocations,
    TokenService,
    SignInAttempts,
    { provide: Authenticator, useClass: JwtAuthenticator },
    AuthService,
    AuthResolver,
    InvitationsService,
    PeopleResolver,
    OrganizationsService,
    OrganizationsResolver,
  ],
  exports: [AccessPolicy, Authenticator, TokenService, InvitationsService],
})
export class IdentityModule {}
