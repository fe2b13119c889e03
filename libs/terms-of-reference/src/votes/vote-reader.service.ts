import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import {
  byKeys,
  type ConnectionShape,
  groupedByKeys,
  isUuid,
  type LoaderRegistry,
  type PageRequest,
  toConnection,
} from '@app/platform';
import type { VoteModel } from './vote.model';
import { VotesRepository } from './votes.repository';

/** Per-request loaders of votes (current votes, the caller's vote, eligibility). */
@Injectable()
export class VoteReader {
  constructor(private readonly repository: VotesRepository) {}

  myVoteLoader(loaders: LoaderRegistry, personId: string): DataLoader<string, VoteModel | null> {
    return loaders.get<string, VoteModel | null>(`tor.myVote:${personId}`, async (ids) => {
      const votes = await this.repository.currentOfVoter(ids.filter(isUuid), personId);
      return byKeys(ids, votes, (r) => r.ballotId);
    });
  }

  eligibleLoader(loaders: LoaderRegistry, personId: string): DataLoader<string, boolean> {
    return loaders.get<string, boolean>(`tor.eligible:${personId}`, async (ids) => {
      const elected = await this.repository.electedIn(ids.filter(isUuid), personId);
      return ids.map((id) => elected.has(id));
    });
  }

  /** Pages of current votes per ballot, in the order they were cast (by chain sequence). */
  currentVotesLoader(loaders: LoaderRegistry, page: PageRequest): DataLoader<string, ConnectionShape<VoteModel>> {
    return loaders.get<string, ConnectionShape<VoteModel>>(
      `tor.currentVotes:${page.limit}:${JSON.stringify(page.after)}`,
      async (ids) => {
        const valid = ids.filter(isUuid);
        const afterSeq = page.after ? Number(page.after[0]) : null;
        const totals = await this.repository.currentTotals(valid);
        const votes =
          page.limit === 0
            ? []
            : await this.repository.currentPages(valid, Number.isInteger(afterSeq) ? afterSeq : null, page.limit + 1);
        return groupedByKeys(ids, votes, (r) => r.ballotId).map((list, i) =>
          toConnection(list, page, (r) => [r.seq], totals.get(ids[i]) ?? 0),
        );
      },
    );
  }
}
