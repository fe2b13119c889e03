import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError, writeOutbox } from '@app/platform';
import { TermsOfReferenceRepository } from '../documents/terms-of-reference.repository';
import { genesisHash } from '../votes/hash-chain';
import { BallotsRepository } from './ballots.repository';
import { computeOutcome, documentStatusAfter } from './outcome';

export type SettleResult = 'closed' | 'not-open' | 'not-due';

/**
 * Persisting ballots' outcomes, in the gateway (closeBallot, and a later mutation on the document
 * settling a ballot whose time is up) and in the worker (the close job). The database's clock
 * decides whether a ballot is still open.
 */
@Injectable()
export class BallotClosing {
  private readonly logger = new Logger('BallotClosing');

  constructor(
    private readonly dataSource: DataSource,
    private readonly ballots: BallotsRepository,
    private readonly documents: TermsOfReferenceRepository,
  ) {}

  /**
   * Persists the outcome, the final tally (counted from the vote chain) and the chain head of an
   * OPEN ballot and updates its document, inside `m`. mode 'due' acts only when closesAt has
   * passed (the close job, lazy settling); 'now' first moves closesAt to now (closeBallot).
   * Idempotent. current_vote is checked against the chain: a disagreement is logged at error
   * level and kept (current_votes_agreed, which Ballot.audit reports).
   */
  async settle(m: EntityManager, ballotId: string, mode: 'due' | 'now'): Promise<SettleResult> {
    await this.ballots.lock(ballotId, m);
    const row = await this.ballots.toSettle(ballotId, m);
    if (!row || row.state !== 'OPEN') return 'not-open';
    if (mode === 'due' && row.inFuture) return 'not-due';
    // closeBallot on a ballot whose closesAt has passed: it is CLOSED already (the caller refuses).
    if (mode === 'now' && !row.inFuture) return 'not-open';
    const closesAt = mode === 'now' ? await this.ballots.moveCloseToNow(ballotId, m) : row.closesAt;
    const [counts] = await this.ballots.chainCounts([ballotId], m);
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
    await this.ballots.persistClose(
      ballotId,
      {
        outcome,
        approve: counts.approve,
        object: counts.object,
        abstain: counts.abstain,
        chainHead: head,
        currentVotesAgreed: agreed,
      },
      m,
    );
    await this.documents.decide(row.torId, documentStatusAfter(outcome), m);
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
    for (const id of await this.ballots.openIdsOfTor(torId, m)) {
      const result = await this.settle(m, id, 'due');
      if (result === 'not-due') throw new ConflictError(refusal);
    }
  }

  /** The close job: settles the ballot in a transaction of its own if its closesAt has passed. */
  closeIfDue(ballotId: string): Promise<SettleResult> {
    return this.dataSource.transaction((m) => this.settle(m, ballotId, 'due'));
  }

  /** Every persisted OPEN ballot and its closing time, for planning their close jobs. */
  openClosingTimes(): Promise<{ id: string; closesAt: Date }[]> {
    return this.ballots.openClosingTimes();
  }
}
