import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A terms-of-reference document (table terms_of_reference). At most one per initiative
 * (working_group_id null) and one per working group: partial unique indexes.
 */
@Entity('terms_of_reference')
export class TermsOfReferenceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') initiativeId: string;
  @Column('uuid', { nullable: true }) workingGroupId: string | null;
  @Column('text') title: string;
  /** DRAFT | UNDER_BALLOT | APPROVED | REJECTED, as persisted (a ballot past closesAt decides on read). */
  @Column('text') status: string;
  /** The status to return to when the open ballot is cancelled; set only while UNDER_BALLOT. */
  @Column('text', { nullable: true }) statusBeforeBallot: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** One version of a document (table tor_version); numbers start at 1 and are unique per document. */
@Entity('tor_version')
export class TorVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') torId: string;
  @Column('int') number: number;
  @Column('text') body: string;
  /** sha256 of body, lowercase hex. */
  @Column('text') contentHash: string;
  @Column('text', { nullable: true }) changeSummary: string | null;
  @Column('uuid') authorId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
