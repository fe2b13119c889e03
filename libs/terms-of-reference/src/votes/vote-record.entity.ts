import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One vote as cast (table vote_record): append-only, a link of the ballot's hash chain.
 * (ballot_id, seq) and (ballot_id, voter_id, revision) are unique; cast_at is the database clock.
 */
@Entity('vote_record')
export class VoteRecordEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid') ballotId: string;
  @Column('int') seq: number;
  @Column('uuid') voterId: string;
  @Column('text') position: string;
  @Column('text', { nullable: true }) comment: string | null;
  @Column('timestamptz') castAt: Date;
  @Column('int') revision: number;
  @Column('text') prevHash: string;
  @Column('text') hash: string;
}

/** The current vote per voter and ballot (table current_vote, primary key (ballot_id, voter_id)). */
@Entity('current_vote')
export class CurrentVoteEntity {
  @PrimaryColumn('uuid') ballotId: string;
  @PrimaryColumn('uuid') voterId: string;
  @Column('bigint') recordId: string;
  @Column('text') position: string;
  @Column('int') revision: number;
}
