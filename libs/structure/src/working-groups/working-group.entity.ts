import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum GroupStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

/** A working group; its code is unique within the initiative. */
@Entity('working_group')
export class WorkingGroupEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') initiativeId: string;
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text') mandate: string;
  @Column('text') status: GroupStatus;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
