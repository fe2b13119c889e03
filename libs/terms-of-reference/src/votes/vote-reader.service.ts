import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import {
  byKeys,
  type ConnectionShape,
  groupedByKeys,
  isUuid,
  type LoaderRegistry,
  type PageRequest,
  toConnection,
} from '@app/platform';
import { VOTE_COLUMNS, type VoteModel } from './vote.model';

/** Per-request loaders of votes (current votes, the caller's vote, eligibility). */
@Injectable()
export class VoteReader {
  constructor(private readonly dataSource: DataSource) {}

  myVoteLoader(loaders: LoaderRegistry, personId: string): DataLoader<string, VoteModel | null> {
    return loaders.get<string, VoteModel | null>(`tor.myVote:${personId}`, async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT ${VOTE_COLUMNS} FROM current_vote cv JOIN vote_record r ON r.id = cv.record_id
          WHERE cv.ballot_id = ANY($1::uuid[]) AND cv.voter_id = $2`,
        [ids.filter(isUuid), personId],
      )) as VoteModel[];
      return byKeys(ids, rows, (r) => r.ballotId);
    });
  }

  eligibleLoader(loaders: LoaderRegistry, personId: string): DataLoader<string, boolean> {
    return loaders.get<string, boolean>(`tor.eligible:${personId}`, async (ids) => {
      const rows = (await this.dataSource.query(
        `SELECT ballot_id AS "ballotId" FROM ballot_elector WHERE ballot_id = ANY($1::uuid[]) AND person_id = $2`,
        [ids.filter(isUuid), personId],
      )) as { ballotId: string }[];
      const set = new Set(rows.map((r) => r.ballotId));
      return ids.map((id) => set.has(id));
    });
  }

  /** Pages of current votes per ballot, in the order they were cast (by chain sequence). */
  currentVotesLoader(loaders: LoaderRegistry, page: PageRequest): DataLoader<string, ConnectionShape<VoteModel>> {
    return loaders.get<string, ConnectionShape<VoteModel>>(
      `tor.currentVotes:${page.limit}:${JSON.stringify(page.after)}`,
      async (ids) => {
        const valid = ids.filter(isUuid);
        const afterSeq = page.after ? Number(page.after[0]) : null;
        const counts = (await this.dataSource.query(
          `SELECT ballot_id AS "ballotId", count(*)::int AS total FROM current_vote WHERE ballot_id = ANY($1::uuid[]) GROUP BY ballot_id`,
          [valid],
        )) as { ballotId: string; total: number }[];
        const rows =
          page.limit === 0
            ? []
            : ((await this.dataSource.query(
                `SELECT * FROM (
                 SELECT ${VOTE_COLUMNS}, row_number() OVER (PARTITION BY cv.ballot_id ORDER BY r.seq) AS n
                   FROM current_vote cv JOIN vote_record r ON r.id = cv.record_id
                  WHERE cv.ballot_id = ANY($1::uuid[]) AND ($2::int IS NULL OR r.seq > $2)) x
                WHERE n <= $3 ORDER BY "ballotId", seq`,
                [valid, Number.isInteger(afterSeq) ? afterSeq : null, page.limit + 1],
              )) as VoteModel[]);
        const totals = new Map(counts.map((c) => [c.ballotId, c.total]));
        return groupedByKeys(ids, rows, (r) => r.ballotId).map((list, i) =>
          toConnection(list, page, (r) => [r.seq], totals.get(ids[i]) ?? 0),
        );
      },
    );
  }
}
