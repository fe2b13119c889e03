import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessPolicy } from './access/access-policy.service';
import { OrganizationEntity } from './organizations/organization.entity';
import { InvitationEntity } from './people/invitation.entity';
import { PersonEntity } from './people/person.entity';

/** People, organisations, sign-in and the access policy. */
@Module({
  imports: [TypeOrmModule.forFeature([PersonEntity, OrganizationEntity, InvitationEntity])],
  providers: [AccessPolicy],
  exports: [AccessPolicy, TypeOrmModule],
})
export class IdentityModule {}
