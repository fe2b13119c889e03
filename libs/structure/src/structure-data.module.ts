import { Global, Module } from '@nestjs/common';
import { MEMBERSHIP_ROLES_SOURCE } from '@app/identity';
import { InitiativesReader } from './initiatives/initiatives.reader';
import { InitiativesRepository } from './initiatives/initiatives.repository';
import { MembershipsReader } from './memberships/memberships.reader';
import { MembershipsRepository } from './memberships/memberships.repository';
import { WorkingGroupsReader } from './working-groups/working-groups.reader';
import { WorkingGroupsRepository } from './working-groups/working-groups.repository';

/**
 * Structure's data for other domains, without its GraphQL: the readers they call, and the roles
 * the access policy of identity decides from (MEMBERSHIP_ROLES_SOURCE). Global because identity
 * cannot import structure (structure depends on it); every module that imports IdentityModule
 * imports this one too, so the policy finds its source in the gateway, the worker and the tests.
 */
@Global()
@Module({
  providers: [
    InitiativesRepository,
    InitiativesReader,
    MembershipsRepository,
    MembershipsReader,
    WorkingGroupsRepository,
    WorkingGroupsReader,
    { provide: MEMBERSHIP_ROLES_SOURCE, useExisting: MembershipsRepository },
  ],
  exports: [
    InitiativesRepository,
    InitiativesReader,
    MembershipsRepository,
    MembershipsReader,
    WorkingGroupsRepository,
    WorkingGroupsReader,
    MEMBERSHIP_ROLES_SOURCE,
  ],
})
export class StructureDataModule {}
