import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataChanges, LiveFeed, type LiveStream, PINO_LOGGER, type Watch } from '@app/platform';
import { BallotsRepository } from '../ballots/ballots.repository';

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
    private readonly ballots: BallotsRepository,
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
    return new Map((await this.ballots.versions(ids)).map((r) => [r.id, r.version]));
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
