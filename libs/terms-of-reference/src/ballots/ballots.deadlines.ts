import { Injectable } from '@nestjs/common';
import { InitiativesReader, WorkingGroupsReader } from '@app/structure';
import {
  type BallotDeadline,
  type CalendarDeadline,
  type DeadlinePage,
  type DeadlineDetails,
  type DeadlineSource,
  ProvidesDeadlines,
  type Queryable,
  type RecipientFacts,
  TOPICS,
} from '@app/platform';

import { BallotDeadlinesRepository } from './ballot-deadlines.repository';

/**
 * Ballots as deadline subjects of reminders (`DeadlineSource`): the opening, the closing time and
 * the outcome of a ballot, its electorate and who has voted. The names of initiatives and groups
 * come from structure's readers, in the same transaction.
 */
@ProvidesDeadlines()
@Injectable()
export class BallotDeadlines implements DeadlineSource<BallotDeadline> {
  readonly type = 'BALLOT';
  readonly topics = [TOPICS.ballotOpened, TOPICS.ballotClosed, TOPICS.ballotClosingTimeChanged, TOPICS.ballotCancelled];

  constructor(
    private readonly repository: BallotDeadlinesRepository,
    private readonly initiatives: InitiativesReader,
    private readonly groups: WorkingGroupsReader,
  ) {}

  async subjects(db: Queryable, ids: string[]): Promise<Map<string, BallotDeadline>> {
    if (!ids.length) return new Map();
    const found = await this.repository.subjects(ids, db);
    return new Map(found.map((row) => [row.id, { type: 'BALLOT', ...row }]));
  }

  /** The electorate and the electors with a current vote (empty lists when none): two statements. */
  async recipients(db: Queryable, ids: string[]): Promise<Map<string, RecipientFacts>> {
    const facts = new Map<string, RecipientFacts>();
    if (!ids.length) return facts;
    // One after the other: inside a transaction both share one connection.
    const electors = await this.repository.electors(ids, db);
    const voters = await this.repository.voters(ids, db);
    const electorsOf = new Map(electors.map((e) => [e.ballotId, e.ids]));
    const votersOf = new Map(voters.map((v) => [v.ballotId, v.ids]));
    for (const id of ids) facts.set(id, { electorIds: electorsOf.get(id) ?? [], voterIds: votersOf.get(id) ?? [] });
    return facts;
  }

  /** Titles, closing times and outcomes, with the names of their initiatives and groups: three statements. */
  async details(db: Queryable, ids: string[]): Promise<Map<string, DeadlineDetails>> {
    if (!ids.length) return new Map();
    const found = await this.repository.details(ids, db);
    const initiatives = await this.initiatives.byIds(
      found.map((r) => r.initiativeId),
      db,
    );
    const groups = await this.groups.byIds(
      found.flatMap((r) => (r.workingGroupId ? [r.workingGroupId] : [])),
      db,
    );
    return new Map(
      found.flatMap(({ id, initiativeId, workingGroupId, ...row }) => {
        const initiative = initiatives.get(initiativeId);
        if (!initiative) return [];
        const group = workingGroupId ? groups.get(workingGroupId) : null;
        const details: DeadlineDetails = {
          initiativeName: initiative.name,
          groupName: group ? `${group.code} ${group.name}` : null,
          ...row,
          path: `ballots/${id}`,
        };
        return [[id, details] as const];
      }),
    );
  }

  openOfInitiative(db: Queryable, initiativeId: string): Promise<string[]> {
    return this.repository.openOfInitiative(initiativeId, db);
  }

  openPage(db: Queryable, page: DeadlinePage): Promise<{ id: string; deadline: Date }[]> {
    return this.repository.openPage(page, db);
  }

  /** Closing times of the ballots the person may vote in (cancelled ones excepted). */
  async calendarOf(db: Queryable, personId: string): Promise<CalendarDeadline[]> {
    const found = await this.repository.calendarOf(personId, db);
    const initiatives = await this.initiatives.byIds(
      found.map((r) => r.initiativeId),
      db,
    );
    return found.flatMap(({ id, at, title, initiativeId }) => {
      const initiative = initiatives.get(initiativeId);
      return initiative ? [{ id, at, title, where: initiative.name, path: `ballots/${id}` }] : [];
    });
  }
}
