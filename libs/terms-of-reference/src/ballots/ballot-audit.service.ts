import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { groupedByKeys, isUuid, type LoaderRegistry } from '@app/platform';
import { BallotStatus, type VotePosition } from '../graphql-enums';
import { VotesRepository } from '../votes/votes.repository';
import { genesisHash, type StoredChainRecord, tallyFromChain, verifyChain } from '../votes/hash-chain';
import type { BallotAuditModel } from './ballot-audit.model';
import type { BallotModel } from './ballot.model';
import { BallotReader, type BallotView } from './ballot-reader.service';

/**
 * Ballot.audit: the whole chain with what the server concludes from it. Two statements for any
 * number of ballots (the records, and the chain's counts beside current_vote, which view()
 * shares for a ballot not persisted as CLOSED).
 */
@Injectable()
export class BallotAuditReader {
  constructor(
    private readonly votes: VotesRepository,
    private readonly ballots: BallotReader,
  ) {}

  private recordsLoader(loaders: LoaderRegistry): DataLoader<string, StoredChainRecord[]> {
    return loaders.get<string, StoredChainRecord[]>('tor.chainRecords', async (ids) => {
      const records = await this.votes.chainRecords(ids.filter(isUuid));
      return groupedByKeys(ids, records, (r) => r.ballotId);
    });
  }

  /**
   * consistent: the chain verifies, its head is the published chainHead once CLOSED, its tally is
   * the one the outcome was computed from (the persisted final tally, or the chain's counts as
   * read by SQL), and current_vote agrees with it now and agreed at the close.
   */
  async audit(loaders: LoaderRegistry, ballot: BallotModel, view: BallotView): Promise<BallotAuditModel> {
    const [records, live] = await Promise.all([
      this.recordsLoader(loaders).load(ballot.id),
      this.ballots.liveCounts(loaders, ballot),
    ]);
    const genesis = genesisHash(ballot.id);
    const head = records.length ? records[records.length - 1].hash : genesis;
    const tally = tallyFromChain(records, ballot.electorateSize);
    const counted = view.counts;
    const consistent =
      verifyChain(ballot.id, records).ok &&
      (view.status !== BallotStatus.CLOSED || view.chainHead === head) &&
      tally.approve === counted.approve &&
      tally.object === counted.object &&
      tally.abstain === counted.abstain &&
      live.disagreements === 0 &&
      ballot.currentVotesAgreed !== false;
    return {
      genesisHash: genesis,
      head,
      records: records.map((r) => ({
        seq: r.seq,
        voterId: r.voterId,
        position: r.position as VotePosition,
        comment: r.comment,
        castAt: r.castAt,
        revision: r.revision,
        prevHash: r.prevHash,
        hash: r.hash,
      })),
      tallyFromChain: tally,
      consistent,
    };
  }
}
