import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person; e-mail is unique case-insensitively (index on lower(email)). */
@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') email: string;
  /** argon2id hash; null until the person accepts an invitation. Never leaves the server. */
  @Column('text', { nullable: true, select: false }) passwordHash: string | null;
  /** IANA time zone, e.g. Europe/Zurich. */
  @Column('text') timeZone: string;
  @Column('uuid', { nullable: true }) organizationId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
