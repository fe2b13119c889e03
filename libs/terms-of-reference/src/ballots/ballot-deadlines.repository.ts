import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type BallotDeadline, type DeadlinePage, type Queryable, rows } from '@app/platform';

/** A ballot as a notification names it, with its document's initiative and group. */
export interface BallotDetailsRow {
  id: string;
  initiativeId: string;
  workingGroupId: string | null;
  subjectTitle: string;
  deadline: Date;
  outcome: string | null;
}

/** A closing time of a person's calendar, with its document's initiative. */
export interface BallotCalendarRow {
  id: string;
  at: Date;
  title: string;
  initiativeId: string;
}

/**
 * The SQL of ballots as deadline subjects (BallotDeadlines). The names of their initiatives and
 * groups are structure's and read through its readers.
 */
@Injectable()
export class BallotDeadlinesRepository {
  constructor(private readonly dataSource: DataSource) {}

  subjects(ids: readonly string[], db: Queryable = this.dataSource): Promise<Omit<BallotDeadline, 'type'>[]> {
    return rows<Omit<BallotDeadline, 'type'>>(
      db,
      `SELECT b.id, t.initiative_id AS "initiativeId", b.state, b.opens_at AS "opensAt", b.closes_at AS "closesAt",
              b.closed_persisted_at AS "closedAt"
         FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id
        WHERE b.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The electorate of each ballot, by person id. */
  electors(ids: readonly string[], db: Queryable = this.dataSource): Promise<{ ballotId: string; ids: string[] }[]> {
    return rows(
      db,
      `SELECT ballot_id AS "ballotId", array_agg(person_id ORDER BY person_id) AS ids
         FROM ballot_elector WHERE ballot_id = ANY($1::uuid[]) GROUP BY ballot_id`,
      [ids],
    );
  }

  /** The electors with a current vote on each ballot. */
  voters(ids: readonly string[], db: Queryable = this.dataSource): Promise<{ ballotId: string; ids: string[] }[]> {
    return rows(
      db,
      `SELECT ballot_id AS "ballotId", array_agg(voter_id) AS ids FROM current_vote WHERE ballot_id = ANY($1::uuid[]) GROUP BY ballot_id`,
      [ids],
    );
  }

  details(ids: readonly string[], db: Queryable = this.dataSource): Promise<BallotDetailsRow[]> {
    return rows<BallotDetailsRow>(
      db,
      `SELECT b.id, t.initiative_id AS "initiativeId", t.working_group_id AS "workingGroupId", t.title AS "subjectTitle",
              b.closes_at AS "deadline", b.outcome
         FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id WHERE b.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async openOfInitiative(initiativeId: string, db: Queryable = this.dataSource): Promise<string[]> {
    const found = await rows<{ id: string }>(
      db,
      `SELECT b.id FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id WHERE t.initiative_id = $1 AND b.state = 'OPEN'`,
      [initiativeId],
    );
    return found.map((r) => r.id);
  }

  /** A page of OPEN ballots by (closing time, id) after `page.deadlineAfter` and the cursor. */
  openPage(page: DeadlinePage, db: Queryable = this.dataSource): Promise<{ id: string; deadline: Date }[]> {
    const after = page.after ? `AND (closes_at, id) > ($3::timestamptz, $4::uuid)` : '';
    return rows<{ id: string; deadline: Date }>(
      db,
      `SELECT id, closes_at AS deadline FROM ballot WHERE state = 'OPEN' AND closes_at > $1 ${after}
        ORDER BY closes_at, id LIMIT $2`,
      page.after ? [page.deadlineAfter, page.limit, page.after.deadline, page.after.id] : [page.deadlineAfter, page.limit],
    );
  }

  /** Closing times of the ballots the person may vote in (cancelled ones excepted). */
  calendarOf(personId: string, db: Queryable = this.dataSource): Promise<BallotCalendarRow[]> {
    return rows<BallotCalendarRow>(
      db,
      `SELECT b.id, b.closes_at AS at, t.title, t.initiative_id AS "initiativeId"
         FROM ballot b JOIN ballot_elector e ON e.ballot_id = b.id AND e.person_id = $1
         JOIN terms_of_reference t ON t.id = b.tor_id
        WHERE b.state <> 'CANCELLED'`,
      [personId],
    );
  }
}
