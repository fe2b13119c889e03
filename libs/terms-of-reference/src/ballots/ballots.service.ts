import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError, writeOutbox } from '@app/platform';
import { genesisHash } from '../votes/hash-chain';
import { CHAIN_COUNTS_SQL, type ChainCountsRow } from './chain-sql';
import type { OpenBallotInput } from './dto/open-ballot.input';
import { computeOutcome, type DecisionRule, documentStatusAfter } from './outcome';

export type SettleResult = 'closed' | 'not-open' | 'not-due';

/**
 * Opening, closing and cancelling ballots. Every mutation is one transaction that locks the
 * ballot (or document) row; the database's clock decides whether a ballot is still open.
 */
@Injectable()
export class BallotsService {
  private readonly logger = new Logger('BallotsService');

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Persists the outcome, the final tally (counted from the vote chain) and the chain head of an
   * OPEN ballot and updates its document, inside `m`. mode 'due' acts only when closesAt has
   * passed (the close job, lazy settling); 'now' first moves closesAt to now (closeBallot).
   * Idempotent. current_vote is checked against the chain: a disagreement is logged at error
   * level and kept (current_votes_agreed, which Ballot.audit reports).
   */
  async settle(m: EntityManager, ballotId: string, mode: 'due' | 'now'): Promise<SettleResult> {
    await lockBallot(m, ballotId);
    const [row] = (await m.query(
      `SELECT b.id, b.tor_id AS "torId", b.state, b.rule, b.quorum, b.electorate_size AS "electorateSize",
              b.closes_at AS "closesAt", (b.closes_at > clock_timestamp()) AS "inFuture"
         FROM ballot b WHERE b.id = $1`,
      [ballotId],
    )) as {
      id: string;
      torId: string;
      state: string;
      rule: DecisionRule;
      quorum: number;
      electorateSize: number;
      closesAt: Date;
      inFuture: boolean;
    }[];
    if (!row || row.state !== 'OPEN') return 'not-open';
    if (mode === 'due' && row.inFuture) return 'not-due';
    // closeBallot on a ballot whose closesAt has passed: it is CLOSED already (the caller refuses).
    if (mode === 'now' && !row.inFuture) return 'not-open';
    let closesAt = row.closesAt;
    if (mode === 'now') {
      const [moved] = (await m.query(
        `UPDATE ballot SET closes_at = greatest(opens_at, date_trunc('milliseconds', clock_timestamp())) WHERE id = $1 RETURNING closes_at AS "closesAt"`,
        [ballotId],
      )) as [{ closesAt: Date }[], number];
      closesAt = moved[0].closesAt;
    }
    const [counts] = (await m.query(CHAIN_COUNTS_SQL, [[ballotId]])) as ChainCountsRow[];
    const agreed = counts.disagreements === 0;
    if (!agreed) {
      // Someone changed current_vote around cast_vote(): the chain decides, the audit shows it.
      this.logger.error(
        `Ballot ${ballotId} closes with current votes that disagree with the vote chain for ${counts.disagreements} ` +
          `elector(s): current votes ${counts.currentApprove}/${counts.currentObject}/${counts.currentAbstain}, ` +
          `chain ${counts.approve}/${counts.object}/${counts.abstain} (approve/object/abstain); the outcome is counted from the chain`,
      );
    }
    const outcome = computeOutcome(row.rule, Number(row.quorum), row.electorateSize, counts);
    const head = counts.head ?? genesisHash(ballotId);
    await m.query(
      `UPDATE ballot SET state = 'CLOSED', closed_persisted_at = now(), outcome = $2,
              final_approve = $3, final_object = $4, final_abstain = $5, chain_head = $6, current_votes_agreed = $7
        WHERE id = $1`,
      [ballotId, outcome, counts.approve, counts.object, counts.abstain, head, agreed],
    );
    await m.query(
      `UPDATE terms_of_reference SET status = $2, status_before_ballot = NULL WHERE id = $1 AND status = 'UNDER_BALLOT'`,
      [row.torId, documentStatusAfter(outcome)],
    );
    await writeOutbox(m, 'ballot.closed', ballotId, {
      termsOfReferenceId: row.torId,
      outcome,
      closesAt: closesAt.toISOString(),
      early: mode === 'now',
      tally: { approve: counts.approve, object: counts.object, abstain: counts.abstain },
      chainHead: head,
    });
    return 'closed';
  }

  /** Settles the document's OPEN ballot if its time is up; CONFLICT if one is still open. */
  async settleOrRefuse(m: EntityManager, torId: string, refusal: string): Promise<void> {
    const open = (await m.query(`SELECT id FROM ballot WHERE tor_id = $1 AND state = 'OPEN'`, [torId])) as { id: string }[];
    for (const { id } of open) {
      const result = await this.settle(m, id, 'due');
      if (result === 'not-due') throw new ConflictError(refusal);
    }
  }

  /** Opens a ballot on the current version; returns its id and closing time. */
  async open(personId: string, torId: string, input: OpenBallotInput): Promise<{ id: string; closesAt: Date }> {
    return this.dataSource.transaction(async (m) => {
      const [tor] = (await m.query(
        `SELECT id, initiative_id AS "initiativeId", working_group_id AS "workingGroupId" FROM terms_of_reference WHERE id = $1 FOR UPDATE`,
        [torId],
      )) as { id: string; initiativeId: string; workingGroupId: string | null }[];
      if (!tor) throw new NotFoundError('Terms of reference', torId);
      const [{ future }] = (await m.query(`SELECT $1::timestamptz > clock_timestamp() AS future`, [input.closesAt])) as {
        future: boolean;
      }[];
      if (!future) throw new ConflictError('closesAt must be in the future');
      await this.settleOrRefuse(m, torId, 'Another ballot on these terms of reference is still OPEN');
      const electorate = tor.workingGroupId
        ? `SELECT person_id FROM group_member WHERE working_group_id = $6 AND role IN ('CHAIR', 'VICE_CHAIR', 'MEMBER')`
        : `SELECT person_id FROM initiative_member WHERE initiative_id = $6 AND role = 'MEMBER'`;
      const [ballot] = (await m.query(
        `WITH electors AS (${electorate}),
              version AS (SELECT id FROM tor_version WHERE tor_id = $1 ORDER BY number DESC LIMIT 1),
              b AS (
                INSERT INTO ballot (tor_id, version_id, opened_by, opens_at, closes_at, rule, quorum, electorate_size)
                SELECT $1, version.id, $2, date_trunc('milliseconds', clock_timestamp()), $3::timestamptz, $4, $5::float8, (SELECT count(*) FROM electors)
                  FROM version
                RETURNING id, closes_at, electorate_size),
              e AS (INSERT INTO ballot_elector (ballot_id, person_id) SELECT b.id, electors.person_id FROM b, electors RETURNING 1)
         SELECT b.id, b.closes_at AS "closesAt", b.electorate_size AS "electorateSize", (SELECT count(*) FROM e)::int AS inserted FROM b`,
        [torId, personId, input.closesAt, input.rule, input.quorum, tor.workingGroupId ?? tor.initiativeId],
      )) as { id: string; closesAt: Date; electorateSize: number }[];
      if (!ballot) throw new ConflictError('These terms of reference have no version to vote on');
      await m.query(`UPDATE terms_of_reference SET status_before_ballot = status, status = 'UNDER_BALLOT' WHERE id = $1`, [
        torId,
      ]);
      await writeOutbox(m, 'ballot.opened', ballot.id, {
        termsOfReferenceId: torId,
        initiativeId: tor.initiativeId,
        workingGroupId: tor.workingGroupId,
        closesAt: ballot.closesAt.toISOString(),
        electorateSize: ballot.electorateSize,
      });
      return { id: ballot.id, closesAt: ballot.closesAt };
    });
  }

  /** closeBallot: closes an OPEN ballot now and persists its outcome. */
  async closeNow(ballotId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const result = await this.settle(m, ballotId, 'now');
      if (result !== 'closed') throw new ConflictError('The ballot is not OPEN');
      await writeOutbox(m, 'ballot.closing_time_changed', ballotId, { reason: 'closed early' });
    });
  }

  /** cancelBallot: no outcome; the document returns to its status before the ballot. */
  async cancel(ballotId: string, reason: string): Promise<void> {
    if (!/\S/.test(reason)) throw InvalidInputError.field('reason', 'must not be blank');
    if (reason.length > 2000) throw InvalidInputError.field('reason', 'must be at most 2000 characters');
    await this.dataSource.transaction(async (m) => {
      await lockBallot(m, ballotId);
      const [row] = (await m.query(
        `UPDATE ballot SET state = 'CANCELLED', cancelled_at = now(), cancel_reason = $2
          WHERE id = $1 AND state = 'OPEN' AND closes_at > clock_timestamp()
          RETURNING tor_id AS "torId"`,
        [ballotId, reason],
      )) as [{ torId: string }[], number];
      const updated = row as unknown as { torId: string }[];
      if (!updated.length) throw new ConflictError('The ballot is not OPEN');
      await m.query(
        `UPDATE terms_of_reference SET status = status_before_ballot, status_before_ballot = NULL WHERE id = $1 AND status = 'UNDER_BALLOT'`,
        [updated[0].torId],
      );
      await writeOutbox(m, 'ballot.cancelled', ballotId, { termsOfReferenceId: updated[0].torId, reason });
    });
  }
}

/**
 * Locks a ballot's document, then the ballot: always in this order (revise and openBallot lock
 * the document first too), so two mutations on one document never deadlock.
 */
async function lockBallot(m: EntityManager, ballotId: string): Promise<void> {
  await m.query(`SELECT id FROM terms_of_reference WHERE id = (SELECT tor_id FROM ballot WHERE id = $1) FOR UPDATE`, [ballotId]);
  await m.query(`SELECT id FROM ballot WHERE id = $1 FOR UPDATE`, [ballotId]);
}
