import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InitiativeRole } from '@app/identity';

/** One role per person and initiative. */
@Entity('initiative_member')
export class InitiativeMemberEntity {
  @PrimaryColumn('uuid') initiativeId: string;
  @PrimaryColumn('uuid') personId: string;
  @Column('text') role: InitiativeRole;
  @Column('timestamptz') since: Date;
}
