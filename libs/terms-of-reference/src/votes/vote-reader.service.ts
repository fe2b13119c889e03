import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { PERSON_COLUMNS, personLoader, type PersonModel } from '@app/identity';
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

/**
 * The columns of a vote plus its voter: the statement that reads votes also primes the person
 * loader, so `voter { ... }` costs no statement of its own. (Loaded separately, the voters of
 * `myVote` and of `votes` came in two batches or one, depending on which statement answered
 * first: the statement count of one query varied by one from request to request.)
 */
const VOTE_WITH_VOTER = `${VOTE_COLUMNS}, (SELECT row_to_json(p) FROM (SELECT ${PERSON_COLUMNS} FROM person WHERE id = r.voter_id) p) AS voter`;

/** Per-request loaders of votes (current votes, the caller's vote, eligibility). */
@Injectable()
export class VoteReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Primes the person loader with the voters read along with the votes; returns the votes. */
  private withVoters(loaders: LoaderRegistry, rows: (VoteModel & { voter: PersonModel | null })[]): VoteModel[] {
    const people = personLoader(loaders, this.dataSource);
    return rows.map(({ voter, ...vote }) => {
      if (voter) people.prime(vote.voterId, voter);
      return vote as VoteModel;
    });
  }

  myVoteLoader(loaders: LoaderRegistry, personId: string): DataLoader<string, VoteModel | null> {
    return loaders.get<string, VoteModel | null>(`tor.myVote:${personId}`, async (ids) => {
      const rows = this.withVoters(
        loaders,
        await this.dataSource.query(
          `SELECT ${VOTE_WITH_VOTER} FROM current_vote cv JOIN vote_record r ON r.id = cv.record_id
            WHERE cv.ballot_id = ANY($1::uuid[]) AND cv.voter_id = $2`,
          [ids.filter(isUuid), personId],
        ),
      );
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
            : this.withVoters(
                loaders,
                await this.dataSource.query(
                  `SELECT * FROM (
                   SELECT ${VOTE_WITH_VOTER}, row_number() OVER (PARTITION BY cv.ballot_id ORDER BY r.seq) AS n
                     FROM current_vote cv JOIN vote_record r ON r.id = cv.record_id
                    WHERE cv.ballot_id = ANY($1::uuid[]) AND ($2::int IS NULL OR r.seq > $2)) x
                  WHERE n <= $3 ORDER BY "ballotId", seq`,
                  [valid, Number.isInteger(afterSeq) ? afterSeq : null, page.limit + 1],
                ),
              );
        const totals = new Map(counts.map((c) => [c.ballotId, c.total]));
        return groupedByKeys(ids, rows, (r) => r.ballotId).map((list, i) =>
          toConnection(list, page, (r) => [r.seq], totals.get(ids[i]) ?? 0),
        );
      },
    );
  }
}
