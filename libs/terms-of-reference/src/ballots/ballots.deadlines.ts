import { Injectable } from '@nestjs/common';
import {
  type BallotDeadline,
  type CalendarDeadline,
  type DeadlinePage,
  type DeadlineDetails,
  type DeadlineSource,
  ProvidesDeadlines,
  type Queryable,
  type RecipientFacts,
  rows,
  TOPICS,
} from '@app/platform';

/**
 * Ballots as deadline subjects of reminders (`DeadlineSource`): the opening, the closing time and
 * the outcome of a ballot, its electorate and who has voted.
 */
@ProvidesDeadlines()
@Injectable()
export class BallotDeadlines implements DeadlineSource<BallotDeadline> {
  readonly type = 'BALLOT';
  readonly topics = [TOPICS.ballotOpened, TOPICS.ballotClosed, TOPICS.ballotClosingTimeChanged, TOPICS.ballotCancelled];

  async subjects(db: Queryable, ids: string[]): Promise<Map<string, BallotDeadline>> {
    if (!ids.length) return new Map();
    const found = await rows<Omit<BallotDeadline, 'type'>>(
      db,
      `SELECT b.id, t.initiative_id AS "initiativeId", b.state, b.opens_at AS "opensAt", b.closes_at AS "closesAt",
              b.closed_persisted_at AS "closedAt"
         FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id
        WHERE b.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(found.map((row) => [row.id, { type: 'BALLOT', ...row }]));
  }

  /** The electorate and the electors with a current vote (empty lists when none): two statements. */
  async recipients(db: Queryable, ids: string[]): Promise<Map<string, RecipientFacts>> {
    const facts = new Map<string, RecipientFacts>();
    if (!ids.length) return facts;
    // One after the other: inside a transaction both share one connection.
    const electors = await rows<{ ballotId: string; ids: string[] }>(
      db,
      `SELECT ballot_id AS "ballotId", array_agg(person_id ORDER BY person_id) AS ids
         FROM ballot_elector WHERE ballot_id = ANY($1::uuid[]) GROUP BY ballot_id`,
      [ids],
    );
    const voters = await rows<{ ballotId: string; ids: string[] }>(
      db,
      `SELECT ballot_id AS "ballotId", array_agg(voter_id) AS ids FROM current_vote WHERE ballot_id = ANY($1::uuid[]) GROUP BY ballot_id`,
      [ids],
    );
    const electorsOf = new Map(electors.map((e) => [e.ballotId, e.ids]));
    const votersOf = new Map(voters.map((v) => [v.ballotId, v.ids]));
    for (const id of ids) facts.set(id, { electorIds: electorsOf.get(id) ?? [], voterIds: votersOf.get(id) ?? [] });
    return facts;
  }

  async details(db: Queryable, ids: string[]): Promise<Map<string, DeadlineDetails>> {
    if (!ids.length) return new Map();
    const found = await rows<Omit<DeadlineDetails, 'path'> & { id: string }>(
      db,
      `SELECT b.id, n.name AS "initiativeName", CASE WHEN g.id IS NULL THEN NULL ELSE g.code || ' ' || g.name END AS "groupName",
              t.title AS "subjectTitle", b.closes_at AS "deadline", b.outcome
         FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id JOIN initiative n ON n.id = t.initiative_id
         LEFT JOIN working_group g ON g.id = t.working_group_id WHERE b.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(found.map(({ id, ...row }) => [id, { ...row, path: `ballots/${id}` }]));
  }

  async openOfInitiative(db: Queryable, initiativeId: string): Promise<string[]> {
    const found = await rows<{ id: string }>(
      db,
      `SELECT b.id FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id WHERE t.initiative_id = $1 AND b.state = 'OPEN'`,
      [initiativeId],
    );
    return found.map((r) => r.id);
  }

  openPage(db: Queryable, page: DeadlinePage): Promise<{ id: string; deadline: Date }[]> {
    const after = page.after ? `AND (closes_at, id) > ($3::timestamptz, $4::uuid)` : '';
    return rows<{ id: string; deadline: Date }>(
      db,
      `SELECT id, closes_at AS deadline FROM ballot WHERE state = 'OPEN' AND closes_at > $1 ${after}
        ORDER BY closes_at, id LIMIT $2`,
      page.after ? [page.deadlineAfter, page.limit, page.after.deadline, page.after.id] : [page.deadlineAfter, page.limit],
    );
  }

  /** Closing times of the ballots the person may vote in (cancelled ones excepted). */
  calendarOf(db: Queryable, personId: string): Promise<CalendarDeadline[]> {
    return rows<CalendarDeadline>(
      db,
      `SELECT b.id, b.closes_at AS at, t.title, n.name AS "where", 'ballots/' || b.id AS path
         FROM ballot b JOIN ballot_elector e ON e.ballot_id = b.id AND e.person_id = $1
         JOIN terms_of_reference t ON t.id = b.tor_id JOIN initiative n ON n.id = t.initiative_id
        WHERE b.state <> 'CANCELLED'`,
      [personId],
    );
  }
}
