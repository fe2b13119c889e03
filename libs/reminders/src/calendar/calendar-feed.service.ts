import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, type Caller, isUuid, UnauthenticatedError } from '@app/platform';
import { derivedKey } from '../derived-key';
import { updatedRows } from '../subjects/sql-result';
import { feedSecret, feedSecretMatches, feedUrl } from './feed-secret';
import { type CalendarEvent, renderCalendar } from './ical';

/**
 * The caller's secret iCalendar feed: due dates of open items they own or whose group they
 * chair, and closing times of ballots they may vote in. The secret is an HMAC of the person id
 * and person.feed_version under a key of the feed's own, so nothing secret is stored and
 * rotating invalidates the old URL.
 */
@Injectable()
export class CalendarFeedService {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.key = derivedKey(config.JWT_SECRET, 'calendar-feed');
  }

  async url(caller: Caller | null): Promise<string> {
    if (!caller) throw new UnauthenticatedError();
    const [row] = (await this.dataSource.query(`SELECT feed_version AS v FROM person WHERE id = $1`, [caller.personId])) as {
      v: number;
    }[];
    if (!row) throw new UnauthenticatedError();
    return this.urlFor(caller.personId, row.v);
  }

  async rotate(caller: Caller | null): Promise<string> {
    if (!caller) throw new UnauthenticatedError();
    const { rows } = updatedRows<{ v: number }>(
      await this.dataSource.query(`UPDATE person SET feed_version = feed_version + 1 WHERE id = $1 RETURNING feed_version AS v`, [
        caller.personId,
      ]),
    );
    if (!rows.length) throw new UnauthenticatedError();
    return this.urlFor(caller.personId, rows[0].v);
  }

  private urlFor(personId: string, version: number): string {
    return feedUrl(this.config.publicUrl, personId, feedSecret(this.key, personId, version));
  }

  /** The feed text, or null for an unknown person or a wrong (e.g. rotated) secret. */
  async feed(personId: string, secret: string): Promise<string | null> {
    if (!isUuid(personId)) return null;
    const [person] = (await this.dataSource.query(`SELECT name, feed_version AS v FROM person WHERE id = $1`, [personId])) as {
      name: string;
      v: number;
    }[];
    if (!person || !feedSecretMatches(this.key, personId, person.v, secret)) return null;
    const rows = (await this.dataSource.query(
      `SELECT 'work-item-' || i.id AS uid, i.due_at AS start, 'Due: ' || i.title AS summary,
              n.name || ' / ' || g.code || ' ' || g.name AS description, 'work-items/' || i.id AS path
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id
         JOIN initiative n ON n.id = g.initiative_id
        WHERE i.due_at IS NOT NULL AND i.status NOT IN ('DONE', 'CANCELLED')
          AND (i.owner_id = $1 OR EXISTS (SELECT 1 FROM group_member gm WHERE gm.working_group_id = g.id
                                            AND gm.person_id = $1 AND gm.role IN ('CHAIR', 'VICE_CHAIR')))
       UNION ALL
       SELECT 'ballot-' || b.id, b.closes_at, 'Ballot closes: ' || t.title, n.name, 'ballots/' || b.id
         FROM ballot b JOIN ballot_elector e ON e.ballot_id = b.id AND e.person_id = $1
         JOIN terms_of_reference t ON t.id = b.tor_id JOIN initiative n ON n.id = t.initiative_id
        WHERE b.state <> 'CANCELLED'
       ORDER BY start, uid`,
      [personId],
    )) as { uid: string; start: Date; summary: string; description: string; path: string }[];
    const events: CalendarEvent[] = rows.map((r) => ({
      uid: `${r.uid}@wgcollab`,
      start: r.start,
      summary: r.summary,
      description: r.description,
      url: `${this.config.publicUrl}/${r.path}`,
    }));
    return renderCalendar(`Deadlines of ${person.name}`, events);
  }
}
