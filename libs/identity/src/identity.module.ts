import { Module } from '@nestjs/common';
import { AudienceRoles, Authenticator } from '@app/platform';
import { AccessPolicy } from './access/access-policy.service';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { JwtAuthenticator } from './auth/jwt-authenticator';
import { TokenRevocationsRepository } from './auth/token-revocations.repository';
import { TokenRevocations } from './auth/token-revocations.service';
import { TokenService } from './auth/token.service';
import { OrganizationsRepository } from './organizations/organizations.repository';
import { OrganizationsResolver } from './organizations/organizations.resolver';
import { OrganizationsService } from './organizations/organizations.service';
import { InvitationsRepository } from './people/invitations.repository';
import { InvitationsService } from './people/invitations.service';
import { MyProfileResolver } from './people/my-profile.resolver';
import { MyProfileService } from './people/my-profile.service';
import { PeopleRepository } from './people/people.repository';
import { PeopleService } from './people/people.service';
import { PeopleResolver } from './people/people.resolver';
import { SignInAttemptsRepository } from './sign-in/sign-in-attempts.repository';
import { SignInAttempts } from './sign-in/sign-in-attempts.service';

/** People, organisations, sign-in and the access policy. */
@Module({
  providers: [
    AccessPolicy,
    TokenRevocationsRepository,
    TokenRevocations,
    TokenService,
    SignInAttemptsRepository,
    SignInAttempts,
    PeopleRepository,
    PeopleService,
    InvitationsRepository,
    OrganizationsRepository,
    { provide: Authenticator, useClass: JwtAuthenticator },
    // The response cache asks the policy whether another caller has the roles an answer was computed under.
    { provide: AudienceRoles, useExisting: AccessPolicy },
    AuthService,
    AuthResolver,
    InvitationsService,
    PeopleResolver,
    MyProfileService,
    MyProfileResolver,
    OrganizationsService,
    OrganizationsResolver,
  ],
  exports: [AccessPolicy, AudienceRoles, Authenticator, TokenService, InvitationsService, PeopleService],
})
export class IdentityModule {}
