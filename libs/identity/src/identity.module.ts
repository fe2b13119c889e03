import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Authenticator } from '@app/platform';
import { AccessPolicy } from './access/access-policy.service';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { JwtAuthenticator } from './auth/jwt-authenticator';
import { TokenRevocations } from './auth/token-revocations.service';
import { TokenService } from './auth/token.service';
import { OrganizationEntity } from './organizations/organization.entity';
import { OrganizationsResolver } from './organizations/organizations.resolver';
import { OrganizationsService } from './organizations/organizations.service';
import { InvitationEntity } from './people/invitation.entity';
import { InvitationsService } from './people/invitations.service';
import { MyProfileResolver } from './people/my-profile.resolver';
import { MyProfileService } from './people/my-profile.service';
import { PeopleResolver } from './people/people.resolver';
import { PersonEntity } from './people/person.entity';
import { SignInAttempts } from './sign-in/sign-in-attempts.service';

/** People, organisations, sign-in and the access policy. */
@Module({
  imports: [TypeOrmModule.forFeature([PersonEntity, OrganizationEntity, InvitationEntity])],
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
    MyProfileService,
    MyProfileResolver,
    OrganizationsService,
    OrganizationsResolver,
  ],
  exports: [AccessPolicy, Authenticator, TokenService, InvitationsService, TypeOrmModule],
})
export class IdentityModule {}
