import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import type { EmailMode } from '../graphql-enums';

/** How a person receives notifications. */
export interface Recipient {
  id: string;
  emailMode: EmailMode;
}

/** A person whose daily digest may be due. */
export interface DigestCandidate {
  id: string;
  timeZone: string;
  /** The local date of the last digest sent (YYYY-MM-DD), if any. */
  sentOn: string | null;
}

/**
 * The person columns reminders own (added to person by the reminders migration): the e-mail mode,
 * the calendar feed's version and the day of the last digest. Who the person is (name, e-mail,
 * time zone) comes from identity's PeopleReader.
 */
@Injectable()
export class RecipientsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The people that exist among `ids`, with their e-mail mode. */
  recipients(ids: string[], db: Queryable = this.dataSource): Promise<Recipient[]> {
    return rows<Recipient>(db, `SELECT id, email_mode AS "emailMode" FROM person WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async emailMode(personId: string, db: Queryable = this.dataSource): Promise<EmailMode | null> {
    return (
      (await one<{ emailMode: EmailMode }>(db, `SELECT email_mode AS "emailMode" FROM person WHERE id = $1`, [personId]))
        ?.emailMode ?? null
    );
  }

  /** Sets the mode; null when the person does not exist. */
  async setEmailMode(personId: string, emailMode: EmailMode, db: Queryable = this.dataSource): Promise<EmailMode | null> {
    const [row] = await updated<{ emailMode: EmailMode }>(
      db,
      `UPDATE person SET email_mode = $2 WHERE id = $1 RETURNING email_mode AS "emailMode"`,
      [personId, emailMode],
    );
    return row?.emailMode ?? null;
  }

  /** The person's calendar feed version; null when the person does not exist. */
  async feedVersion(personId: string, db: Queryable = this.dataSource): Promise<number | null> {
    const row = await one<{ feedVersion: number }>(db, `SELECT feed_version AS "feedVersion" FROM person WHERE id = $1`, [
      personId,
    ]);
    return row?.feedVersion ?? null;
  }

  /** Moves the feed version on (the old secret stops working); null when the person does not exist. */
  async rotateFeed(personId: string, db: Queryable = this.dataSource): Promise<number | null> {
    const [row] = await updated<{ feedVersion: number }>(
      db,
      `UPDATE person SET feed_version = feed_version + 1 WHERE id = $1 RETURNING feed_version AS "feedVersion"`,
      [personId],
    );
    return row?.feedVersion ?? null;
  }

  /** DAILY_DIGEST people whose digest has not been recorded for their local today. */
  digestCandidates(db: Queryable = this.dataSource): Promise<DigestCandidate[]> {
    return rows<DigestCandidate>(
      db,
      `SELECT id, time_zone AS "timeZone", to_char(digest_sent_on, 'YYYY-MM-DD') AS "sentOn"
         FROM person WHERE email_mode = 'DAILY_DIGEST'
          AND digest_sent_on IS DISTINCT FROM (now() AT TIME ZONE time_zone)::date`,
    );
  }

  /**
   * Locks a DAILY_DIGEST person whose digest of `day` is not recorded yet and records it, inside the
   * caller's transaction (a failed send rolls both back); false when there is nothing to send.
   */
  async takeDigestDay(personId: string, day: string, m: Queryable): Promise<boolean> {
    const taken = await updated(
      m,
      `UPDATE person SET digest_sent_on = $2::date
        WHERE id = $1 AND email_mode = 'DAILY_DIGEST' AND digest_sent_on IS DISTINCT FROM $2::date RETURNING id`,
      [personId, day],
    );
    return taken.length > 0;
  }
}
