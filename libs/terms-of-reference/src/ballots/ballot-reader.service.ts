import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { byKeys, groupedByKeys, isUuid, type LoaderRegistry } from '@app/platform';
import { BallotOutcomeEnum, BallotStatus, DocumentStatus } from '../graphql-enums';
import { genesisHash } from '../votes/hash-chain';
import type { BallotModel } from './ballot.model';
import { BallotsRepository } from './ballots.repository';
import { type BallotOutcome, computeOutcome, type DecisionRule, documentStatusAfter } from './outcome';

export interface BallotCounts {
  approve: number;
  object: number;
  abstain: number;
  /** Hash of the last vote record, or the genesis hash. */
  head: string;
}

/** Counts read from the chain now. */
export interface LiveCounts extends BallotCounts {
  /** Electors whose current_vote row is not their latest record in the chain (0 when sound). */
  disagreements: number;
}

/** What a ballot is now: persisted, or computed by the same rules when its close job has not run yet. */
export interface BallotView {
  status: BallotStatus;
  counts: BallotCounts;
  votesCast: number;
  outcome: BallotOutcome | null;
  chainHead: string | null;
}

/**
 * Reads ballots. Counts come from the vote chain (each elector's latest record), as at the close.
 * A ballot is CLOSED from closesAt on: when its row is still OPEN past closesAt,
 * the counts are read after taking a FOR SHARE lock on the ballot row, so a vote that was
 * accepted before closesAt but not yet committed is waited for (and one that comes later is
 * refused by castVote, which re-checks the clock under the row lock).
 */
@Injectable()
export class BallotReader {
  constructor(private readonly repository: BallotsRepository) {}

  /** Fresh read of one ballot (bypassing the request's loader cache). */
  fetch(id: string): Promise<BallotModel | null> {
    return isUuid(id) ? this.repository.byId(id) : Promise.resolve(null);
  }

  /**
   * The ballots of the initiative's (and its groups') documents still OPEN at `asOf`, closing
   * soonest first: one statement (the open ballots of a progress report).
   */
  openOfInitiative(initiativeId: string, asOf: Date | string): Promise<BallotModel[]> {
    return this.repository.openOfInitiative(initiativeId, asOf);
  }

  ballotLoader(loaders: LoaderRegistry): DataLoader<string, BallotModel | null> {
    return loaders.get<string, BallotModel | null>('tor.ballot', async (ids) => {
      const valid = ids.filter(isUuid);
      const found = valid.length ? await this.repository.byIds(valid) : [];
      return byKeys(ids, found, (r) => r.id);
    });
  }

  /** Ballots of documents, newest first. */
  ballotsOfTorLoader(loaders: LoaderRegistry): DataLoader<string, BallotModel[]> {
    return loaders.get<string, BallotModel[]>('tor.ballotsOfTor', async (ids) =>
      groupedByKeys(ids, await this.repository.ofTors(ids.filter(isUuid)), (r) => r.torId),
    );
  }

  /** The ballot of each document whose persisted state is OPEN (at most one, by a unique index). */
  openBallotOfTorLoader(loaders: LoaderRegistry): DataLoader<string, BallotModel | null> {
    return loaders.get<string, BallotModel | null>('tor.openBallotOfTor', async (ids) =>
      byKeys(ids, await this.repository.openOfTors(ids.filter(isUuid)), (r) => r.torId),
    );
  }

  /** Live counts (from the vote chain) and chain head; keys are `<ballotId>` or `<ballotId>:lock`. */
  private countsLoader(loaders: LoaderRegistry): DataLoader<string, LiveCounts> {
    return loaders.get<string, LiveCounts>('tor.ballotCounts', async (keys) => {
      const ids = [...new Set(keys.map((k) => k.split(':')[0]))];
      const lockIds = [...new Set(keys.filter((k) => k.endsWith(':lock')).map((k) => k.split(':')[0]))];
      const counted = lockIds.length
        ? await this.repository.chainCountsLocked(ids, lockIds)
        : await this.repository.chainCounts(ids);
      const byId = new Map(counted.map((r) => [r.id, r]));
      return keys.map((key) => {
        const id = key.split(':')[0];
        const row = byId.get(id);
        return {
          approve: row?.approve ?? 0,
          object: row?.object ?? 0,
          abstain: row?.abstain ?? 0,
          head: row?.head ?? genesisHash(id),
          disagreements: row?.disagreements ?? 0,
        };
      });
    });
  }

  /**
   * The counts of the chain as it is now, whatever the ballot's state (the audit compares them
   * with the persisted tally); shares view()'s statement when both are asked for.
   */
  liveCounts(loaders: LoaderRegistry, ballot: BallotModel): Promise<LiveCounts> {
    const closedByTime = ballot.state === 'OPEN' && ballot.expired;
    return this.countsLoader(loaders).load(closedByTime ? `${ballot.id}:lock` : ballot.id);
  }

  async view(loaders: LoaderRegistry, ballot: BallotModel): Promise<BallotView> {
    if (ballot.state === 'CLOSED') {
      const counts = {
        approve: ballot.finalApprove ?? 0,
        object: ballot.finalObject ?? 0,
        abstain: ballot.finalAbstain ?? 0,
        head: ballot.chainHead ?? genesisHash(ballot.id),
      };
      return {
        status: BallotStatus.CLOSED,
        counts,
        votesCast: counts.approve + counts.object + counts.abstain,
        outcome: ballot.outcome as BallotOutcome,
        chainHead: counts.head,
      };
    }
    const closedByTime = ballot.state === 'OPEN' && ballot.expired;
    const counts = await this.liveCounts(loaders, ballot);
    const votesCast = counts.approve + counts.object + counts.abstain;
    if (closedByTime) {
      const outcome = computeOutcome(ballot.rule as DecisionRule, ballot.quorum, ballot.electorateSize, counts);
      return { status: BallotStatus.CLOSED, counts, votesCast, outcome, chainHead: counts.head };
    }
    const status = ballot.state === 'CANCELLED' ? BallotStatus.CANCELLED : BallotStatus.OPEN;
    return { status, counts, votesCast, outcome: null, chainHead: null };
  }

  /** The document status now: UNDER_BALLOT turns into the outcome's status once the ballot's closesAt has passed. */
  async documentStatus(loaders: LoaderRegistry, tor: { id: string; storedStatus: DocumentStatus }): Promise<DocumentStatus> {
    if (tor.storedStatus !== DocumentStatus.UNDER_BALLOT) return tor.storedStatus;
    const open = await this.openBallotOfTorLoader(loaders).load(tor.id);
    if (!open || !open.expired) return tor.storedStatus;
    const view = await this.view(loaders, open);
    return documentStatusAfter(view.outcome ?? BallotOutcomeEnum.NO_QUORUM) as DocumentStatus;
  }
}
