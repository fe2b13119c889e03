import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { DataChanges, LiveFeed, type LiveStream, PINO_LOGGER, type Watch } from '@app/platform';

/**
 * A ballot's version: its persisted state and closing time (closeBallot, cancelBallot, the close
 * job, a later openBallot settling it) and its last vote record's seq. Votes on one ballot are
 * appended under its row lock, so seq grows in commit order and a new vote always shows.
 * A ballot that no longer exists has no row (version 'gone').
 */
const VERSIONS_SQL = `
  SELECT b.id, concat_ws('|', b.state, floor(extract(epoch FROM b.closes_at) * 1000)::bigint,
                         (SELECT max(r.seq) FROM vote_record r WHERE r.ballot_id = b.id)) AS version
    FROM ballot b WHERE b.id = ANY($1::uuid[])`;

/**
 * ballotUpdated on this gateway. Votes are cast on any gateway, ballots close in the worker's
 * close job or by closeBallot/cancelBallot: all of them commit rows of `ballot` or `vote_record`,
 * PostgreSQL announces it on `data_changed`, and each gateway compares the versions of the
 * ballots watched here, in one statement, with what it last saw (LiveFeed). A changed ballot
 * wakes its subscribers, who re-read it through the normal resolvers as themselves; a subscriber
 * slower than the votes gets one event with the newest state (LiveStream coalesce).
 */
@Injectable()
export class BallotFeed implements OnModuleDestroy {
  /** By ballot; the state is its version. The events carry only the ballot id. */
  private readonly feed: LiveFeed<string, string>;

  constructor(
    private readonly dataSource: DataSource,
    changes: DataChanges,
    @Inject(PINO_LOGGER) logger: Logger,
  ) {
    this.feed = new LiveFeed<string, string>(
      {
        name: 'ballots',
        tables: ['ballot', 'vote_record'],
        initialState: async (ballotId) => (await this.versions([ballotId])).get(ballotId) ?? 'gone',
        refresh: (watched) => this.compare(watched),
        stream: { maxQueued: 1, coalesce: true },
      },
      changes,
      logger,
    );
  }

  /** An event (the ballot's id) each time the ballot changes from now on. */
  watch(ballotId: string): Promise<LiveStream<string>> {
    return this.feed.watch(ballotId);
  }

  onModuleDestroy(): void {
    this.feed.close();
  }

  private async versions(ids: string[]): Promise<Map<string, string>> {
    const rows = (await this.dataSource.query(VERSIONS_SQL, [ids])) as { id: string; version: string }[];
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  private async compare(watched: [string, Watch<string, string>][]): Promise<void> {
    const versions = await this.versions(watched.map(([id]) => id));
    for (const [id, watch] of watched) {
      // A watch started during the read holds a version at least as new as this one.
      const version = versions.get(id) ?? 'gone';
      if (!this.feed.isCurrent(id, watch) || version === watch.state) continue;
      watch.state = version;
      this.feed.push(id, id);
    }
  }
}
