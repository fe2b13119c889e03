import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A one-time invitation: only the sha256 of its token is stored. */
@Entity('invitation')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') personId: string;
  @Column('uuid') initiativeId: string;
  @Column('text') tokenHash: string;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
