import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { InitiativeEntity } from './initiatives/initiative.entity';
import { InitiativesResolver } from './initiatives/initiatives.resolver';
import { InitiativesService } from './initiatives/initiatives.service';
import { GroupMemberEntity } from './memberships/group-member.entity';
import { InitiativeMemberEntity } from './memberships/initiative-member.entity';
import { GroupMemberResolver, InitiativeMemberResolver, MembershipsResolver } from './memberships/memberships.resolver';
import { MembershipsService } from './memberships/memberships.service';
import { WorkingGroupEntity } from './working-groups/working-group.entity';
import { WorkingGroupsReader } from './working-groups/working-groups.reader';
import { WorkingGroupsRepository } from './working-groups/working-groups.repository';
import { WorkingGroupsResolver } from './working-groups/working-groups.resolver';
import { WorkingGroupsService } from './working-groups/working-groups.service';

/** Initiatives, memberships and working groups. */
@Module({
  imports: [
    IdentityModule,
    TypeOrmModule.forFeature([InitiativeEntity, InitiativeMemberEntity, WorkingGroupEntity, GroupMemberEntity]),
  ],
  providers: [
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
  exports: [InitiativesService, WorkingGroupsService, WorkingGroupsReader, MembershipsService, TypeOrmModule],
})
export class StructureModule {}
