import { Column, Entity, PrimaryColumn } from 'typeorm';
import { GroupRole } from '@app/identity';

/** One role per person and working group; the person must belong to the group's initiative. */
@Entity('group_member')
export class GroupMemberEntity {
  @PrimaryColumn('uuid') workingGroupId: string;
  @PrimaryColumn('uuid') personId: string;
  @Column('uuid') initiativeId: string;
  @Column('text') role: GroupRole;
  @Column('timestamptz') since: Date;
}
