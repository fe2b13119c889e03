import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A ballot (table ballot). `state` is the persisted state: OPEN until the close job,
 * closeBallot, cancelBallot or a later openBallot / revision settles it; a partial unique index
 * allows one OPEN ballot per document. Outcome, final tally and chain head are set when CLOSED.
 */
@Entity('ballot')
export class BallotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') torId: string;
  @Column('uuid') versionId: string;
  @Column('uuid') openedBy: string;
  @Column('timestamptz') opensAt: Date;
  @Column('timestamptz') closesAt: Date;
  @Column('text') rule: string;
  @Column('double precision') quorum: number;
  @Column('int') electorateSize: number;
  @Column('text') state: string;
  @Column('timestamptz', { nullable: true }) cancelledAt: Date | null;
  @Column('text', { nullable: true }) cancelReason: string | null;
  @Column('timestamptz', { nullable: true }) closedPersistedAt: Date | null;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('int', { nullable: true }) finalApprove: number | null;
  @Column('int', { nullable: true }) finalObject: number | null;
  @Column('int', { nullable: true }) finalAbstain: number | null;
  @Column('text', { nullable: true }) chainHead: string | null;
  /** Whether current_vote agreed with the vote chain at the close (the tally is counted from the chain). */
  @Column('boolean', { nullable: true }) currentVotesAgreed: boolean | null;
}

/** The electorate snapshot taken when the ballot opened (table ballot_elector). */
@Entity('ballot_elector')
export class BallotElectorEntity {
  @PrimaryColumn('uuid') ballotId: string;
  @PrimaryColumn('uuid') personId: string;
}
