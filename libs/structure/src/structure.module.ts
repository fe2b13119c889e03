import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { InitiativesResolver } from './initiatives/initiatives.resolver';
import { InitiativesService } from './initiatives/initiatives.service';
import { GroupMemberResolver, InitiativeMemberResolver, MembershipsResolver } from './memberships/memberships.resolver';
import { MembershipsService } from './memberships/memberships.service';
import { WorkingGroupsResolver } from './working-groups/working-groups.resolver';
import { WorkingGroupsService } from './working-groups/working-groups.service';
import { StructureDataModule } from './structure-data.module';

/** Initiatives, memberships and working groups. */
@Module({
  imports: [IdentityModule, StructureDataModule],
  providers: [
    InitiativesService,
    InitiativesResolver,
    WorkingGroupsService,
    WorkingGroupsResolver,
    MembershipsService,
    MembershipsResolver,
    InitiativeMemberResolver,
    GroupMemberResolver,
  ],
  exports: [InitiativesService, WorkingGroupsService, MembershipsService],
})
export class StructureModule {}
