import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { InitiativesResolver } from './initiatives/initiatives.resolver';
import { InitiativesService } from './initiatives/initiatives.service';
import { InitiativesRepository } from './initiatives/initiatives.repository';
import { MembershipsRepository } from './memberships/memberships.repository';
import { GroupMemberResolver, InitiativeMemberResolver, MembershipsResolver } from './memberships/memberships.resolver';
import { MembershipsService } from './memberships/memberships.service';
import { WorkingGroupsReader } from './working-groups/working-groups.reader';
import { WorkingGroupsRepository } from './working-groups/working-groups.repository';
import { WorkingGroupsResolver } from './working-groups/working-groups.resolver';
import { WorkingGroupsService } from './working-groups/working-groups.service';

/** Initiatives, memberships and working groups. */
@Module({
  imports: [IdentityModule],
  providers: [
    InitiativesRepository,
    MembershipsRepository,
    InitiativesService,
    InitiativesResolver,
    WorkingGroupsRepository,
    WorkingGroupsReader,
    WorkingGroupsService,
    WorkingGroupsResolver,
    MembershipsService,
    MembershipsResolver,
    InitiativeMemberResolver,
    GroupMemberResolver,
  ],
  exports: [InitiativesService, WorkingGroupsService, WorkingGroupsReader, MembershipsService],
})
export class StructureModule {}
