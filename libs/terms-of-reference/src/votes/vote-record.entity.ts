import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One vote as cast (table vote_record): a link of the ballot's hash chain, append-only in the
 * database (triggers refuse UPDATE, DELETE and TRUNCATE, migration 1790000011000).
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

/**
 * The current vote per voter and ballot (table current_vote, primary key (ballot_id, voter_id)),
 * for reading votes quickly; written only by cast_vote() (a trigger refuses other writers). The
 * tally is counted from the chain, and checked against this table at the close.
 */
@Entity('current_vote')
export class CurrentVoteEntity {
  @PrimaryColumn('uuid') ballotId: string;
  @PrimaryColumn('uuid') voterId: string;
  @Column('bigint') recordId: string;
  @Column('text') position: string;
  @Column('int') revision: number;
}
