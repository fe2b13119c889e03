import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import type { BallotModel } from './ballot.model';
import { CHAIN_COUNTS_SQL, type ChainCountsRow } from './chain-sql';
import type { DecisionRule } from './outcome';

/** A ballot row with its document's initiative and group, as a BallotModel. */
const BALLOT_COLUMNS = `b.id, b.tor_id AS "torId", b.version_id AS "versionId", b.opens_at AS "opensAt", b.closes_at AS "closesAt",
  b.rule, b.quorum, b.electorate_size AS "electorateSize", b.state, (b.closes_at <= now()) AS expired, b.outcome,
  b.final_approve AS "finalApprove", b.final_object AS "finalObject", b.final_abstain AS "finalAbstain", b.chain_head AS "chainHead",
  b.current_votes_agreed AS "currentVotesAgreed", t.initiative_id AS "initiativeId", t.working_group_id AS "workingGroupId"`;

const BALLOT_FROM = `ballot b JOIN terms_of_reference t ON t.id = b.tor_id`;

/** What closing a ballot needs to know about it, read under its row lock. */
export interface BallotToSettle {
  id: string;
  torId: string;
  state: string;
  rule: DecisionRule;
  quorum: number;
  electorateSize: number;
  closesAt: Date;
  /** closes_at is after the database clock's now. */
  inFuture: boolean;
}

export interface NewBallot {
  torId: string;
  openedBy: string;
  closesAt: string | Date;
  rule: string;
  quorum: number;
  /** The person ids of the electorate, as structure gives them (MembershipsReader.electorate). */
  electorIds: string[];
}

export interface PersistedClose {
  outcome: string;
  approve: number;
  object: number;
  abstain: number;
  chainHead: string;
  currentVotesAgreed: boolean;
}

/** A row as BallotModel wants it: the numeric quorum comes back from the driver as a string. */
function normalise(row: BallotModel): BallotModel {
  return { ...row, quorum: Number(row.quorum) };
}

/**
 * ballot and ballot_elector: ballots on one version of a document, their fixed electorate, and
 * what their close persisted. The tally is read from the vote chain (CHAIN_COUNTS_SQL).
 */
@Injectable()
export class BallotsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async byId(id: string, db: Queryable = this.dataSource): Promise<BallotModel | null> {
    const row = await one<BallotModel>(db, `SELECT ${BALLOT_COLUMNS} FROM ${BALLOT_FROM} WHERE b.id = $1`, [id]);
    return row ? normalise(row) : null;
  }

  async byIds(ids: string[], db: Queryable = this.dataSource): Promise<BallotModel[]> {
    const found = await rows<BallotModel>(db, `SELECT ${BALLOT_COLUMNS} FROM ${BALLOT_FROM} WHERE b.id = ANY($1::uuid[])`, [ids]);
    return found.map(normalise);
  }

  /** Ballots of the documents, newest first. */
  async ofTors(torIds: string[], db: Queryable = this.dataSource): Promise<BallotModel[]> {
    const found = await rows<BallotModel>(
      db,
      `SELECT ${BALLOT_COLUMNS} FROM ${BALLOT_FROM} WHERE b.tor_id = ANY($1::uuid[]) ORDER BY b.opens_at DESC, b.id DESC`,
      [torIds],
    );
    return found.map(normalise);
  }

  /** The ballot of each document whose persisted state is OPEN (at most one, by a unique index). */
  async openOfTors(torIds: string[], db: Queryable = this.dataSource): Promise<BallotModel[]> {
    const found = await rows<BallotModel>(
      db,
      `SELECT ${BALLOT_COLUMNS} FROM ${BALLOT_FROM} WHERE b.tor_id = ANY($1::uuid[]) AND b.state = 'OPEN'`,
      [torIds],
    );
    return found.map(normalise);
  }

  /** Ballots of the initiative's (and its groups') documents still OPEN at `asOf`, closing soonest first. */
  async openOfInitiative(initiativeId: string, asOf: Date | string, db: Queryable = this.dataSource): Promise<BallotModel[]> {
    const found = await rows<BallotModel>(
      db,
      `SELECT ${BALLOT_COLUMNS} FROM ${BALLOT_FROM}
        WHERE t.initiative_id = $1 AND b.state = 'OPEN' AND b.closes_at > $2::timestamptz
        ORDER BY b.closes_at, b.id`,
      [initiativeId, asOf],
    );
    return found.map(normalise);
  }

  /** Every persisted OPEN ballot and its closing time (the worker plans their close jobs). */
  openClosingTimes(db: Queryable = this.dataSource): Promise<{ id: string; closesAt: Date }[]> {
    return rows(db, `SELECT id, closes_at AS "closesAt" FROM ballot WHERE state = 'OPEN'`);
  }

  /** The ids of the document's persisted OPEN ballots. */
  async openIdsOfTor(torId: string, db: Queryable): Promise<string[]> {
    return (await rows<{ id: string }>(db, `SELECT id FROM ballot WHERE tor_id = $1 AND state = 'OPEN'`, [torId])).map(
      (r) => r.id,
    );
  }

  /** The counts of the ballots' vote chains (see CHAIN_COUNTS_SQL): one row per id. */
  chainCounts(ids: string[], db: Queryable = this.dataSource): Promise<ChainCountsRow[]> {
    return rows<ChainCountsRow>(db, CHAIN_COUNTS_SQL, [ids]);
  }

  /**
   * The chain counts read after a FOR SHARE lock on the ballots in `lockIds`, in one
   * transaction: a vote accepted before closesAt but not yet committed is waited for.
   */
  chainCountsLocked(ids: string[], lockIds: string[]): Promise<ChainCountsRow[]> {
    return this.dataSource.transaction(async (m) => {
      await rows(m, `SELECT id FROM ballot WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE`, [lockIds]);
      return this.chainCounts(ids, m);
    });
  }

  /**
   * Locks a ballot's document, then the ballot: always in this order (revise and openBallot lock
   * the document first too), so two mutations on one document never deadlock.
   */
  async lock(ballotId: string, m: Queryable): Promise<void> {
    await rows(m, `SELECT id FROM terms_of_reference WHERE id = (SELECT tor_id FROM ballot WHERE id = $1) FOR UPDATE`, [
      ballotId,
    ]);
    await rows(m, `SELECT id FROM ballot WHERE id = $1 FOR UPDATE`, [ballotId]);
  }

  toSettle(ballotId: string, m: Queryable): Promise<BallotToSettle | null> {
    return one<BallotToSettle>(
      m,
      `SELECT b.id, b.tor_id AS "torId", b.state, b.rule, b.quorum, b.electorate_size AS "electorateSize",
              b.closes_at AS "closesAt", (b.closes_at > clock_timestamp()) AS "inFuture"
         FROM ballot b WHERE b.id = $1`,
      [ballotId],
    );
  }

  /** closeBallot: closesAt becomes now (never before opensAt); returns it. */
  async moveCloseToNow(ballotId: string, m: Queryable): Promise<Date> {
    const [moved] = await updated<{ closesAt: Date }>(
      m,
      `UPDATE ballot SET closes_at = greatest(opens_at, date_trunc('milliseconds', clock_timestamp())) WHERE id = $1 RETURNING closes_at AS "closesAt"`,
      [ballotId],
    );
    return moved.closesAt;
  }

  async persistClose(ballotId: string, close: PersistedClose, m: Queryable): Promise<void> {
    await updated(
      m,
      `UPDATE ballot SET state = 'CLOSED', closed_persisted_at = now(), outcome = $2,
              final_approve = $3, final_object = $4, final_abstain = $5, chain_head = $6, current_votes_agreed = $7
        WHERE id = $1`,
      [ballotId, close.outcome, close.approve, close.object, close.abstain, close.chainHead, close.currentVotesAgreed],
    );
  }

  /** Whether the instant is after the database clock's now. */
  async isFuture(at: string | Date, m: Queryable): Promise<boolean> {
    return (await one<{ future: boolean }>(m, `SELECT $1::timestamptz > clock_timestamp() AS future`, [at]))!.future;
  }

  /**
   * Inserts the ballot on the document's newest version and its electorate, in one statement;
   * null when the document has no version.
   */
  insert(ballot: NewBallot, m: Queryable): Promise<{ id: string; closesAt: Date; electorateSize: number } | null> {
    return one(
      m,
      `WITH electors AS (SELECT DISTINCT person_id FROM unnest($6::uuid[]) AS e (person_id)),
            version AS (SELECT id FROM tor_version WHERE tor_id = $1 ORDER BY number DESC LIMIT 1),
            b AS (
              INSERT INTO ballot (tor_id, version_id, opened_by, opens_at, closes_at, rule, quorum, electorate_size)
              SELECT $1, version.id, $2, date_trunc('milliseconds', clock_timestamp()), $3::timestamptz, $4, $5::float8, (SELECT count(*) FROM electors)
                FROM version
              RETURNING id, closes_at, electorate_size),
            e AS (INSERT INTO ballot_elector (ballot_id, person_id) SELECT b.id, electors.person_id FROM b, electors RETURNING 1)
       SELECT b.id, b.closes_at AS "closesAt", b.electorate_size AS "electorateSize", (SELECT count(*) FROM e)::int AS inserted FROM b`,
      [ballot.torId, ballot.openedBy, ballot.closesAt, ballot.rule, ballot.quorum, ballot.electorIds],
    );
  }

  /** Cancels the ballot if it is OPEN before closesAt; returns its document's id, or null. */
  async cancel(ballotId: string, reason: string, m: Queryable): Promise<string | null> {
    const [row] = await updated<{ torId: string }>(
      m,
      `UPDATE ballot SET state = 'CANCELLED', cancelled_at = now(), cancel_reason = $2
        WHERE id = $1 AND state = 'OPEN' AND closes_at > clock_timestamp()
        RETURNING tor_id AS "torId"`,
      [ballotId, reason],
    );
    return row?.torId ?? null;
  }

  /**
   * A version of each ballot for the live feed: its persisted state, its closing time and its
   * last vote record's seq. Votes on one ballot are appended under its row lock, so seq grows in
   * commit order and a new vote always shows. A ballot that no longer exists has no row.
   */
  versions(ids: string[], db: Queryable = this.dataSource): Promise<{ id: string; version: string }[]> {
    return rows(
      db,
      `SELECT b.id, concat_ws('|', b.state, floor(extract(epoch FROM b.closes_at) * 1000)::bigint,
                              (SELECT max(r.seq) FROM vote_record r WHERE r.ballot_id = b.id)) AS version
         FROM ballot b WHERE b.id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
