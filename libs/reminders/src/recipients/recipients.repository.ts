import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows, updated } from '@app/platform';
import type { EmailMode } from '../graphql-enums';

/** How a person receives notifications. */
export interface Recipient {
  id: string;
  emailMode: EmailMode;
}

/** A DAILY_DIGEST person and the day of their last digest (their time zone comes from identity). */
export interface DigestCandidate {
  id: string;
  /** The local date of the last digest sent (YYYY-MM-DD), if any. */
  sentOn: string | null;
}

/** PostgreSQL's foreign_key_violation: the person does not exist. */
const FOREIGN_KEY_VIOLATION = '23503';

/** Runs an insert that references a person; null when the person does not exist. */
async function forExistingPerson<T>(write: () => Promise<T>): Promise<T | null> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return null;
    throw error;
  }
}

/**
 * notification_preferences, reminders' own table: the e-mail mode, the calendar feed's version and
 * the day of the last digest. A person without a row has the defaults (IMMEDIATE, version 1, no
 * digest yet). Who the person is (name, e-mail, time zone) comes from identity's PeopleReader.
 */
@Injectable()
export class RecipientsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Each of `ids` with its e-mail mode (the default where the person has no row). */
  recipients(ids: string[], db: Queryable = this.dataSource): Promise<Recipient[]> {
    return rows<Recipient>(
      db,
      `SELECT q.id, coalesce(np.email_mode, 'IMMEDIATE') AS "emailMode"
         FROM unnest($1::uuid[]) AS q (id) LEFT JOIN notification_preferences np ON np.person_id = q.id`,
      [ids],
    );
  }

  async emailMode(personId: string, db: Queryable = this.dataSource): Promise<EmailMode> {
    const [row] = await this.recipients([personId], db);
    return row.emailMode;
  }

  /** Sets the mode; null when the person does not exist. */
  setEmailMode(personId: string, emailMode: EmailMode, db: Queryable = this.dataSource): Promise<EmailMode | null> {
    return forExistingPerson(async () => {
      const row = await one<{ emailMode: EmailMode }>(
        db,
        `INSERT INTO notification_preferences (person_id, email_mode) VALUES ($1, $2)
         ON CONFLICT (person_id) DO UPDATE SET email_mode = EXCLUDED.email_mode RETURNING email_mode AS "emailMode"`,
        [personId, emailMode],
      );
      return row!.emailMode;
    });
  }

  /** The person's calendar feed version (1 until they rotate it). */
  async feedVersion(personId: string, db: Queryable = this.dataSource): Promise<number> {
    const row = await one<{ feedVersion: number }>(
      db,
      `SELECT feed_version AS "feedVersion" FROM notification_preferences WHERE person_id = $1`,
      [personId],
    );
    return row?.feedVersion ?? 1;
  }

  /** Moves the feed version on (the old secret stops working); null when the person does not exist. */
  rotateFeed(personId: string, db: Queryable = this.dataSource): Promise<number | null> {
    return forExistingPerson(async () => {
      const row = await one<{ feedVersion: number }>(
        db,
        `INSERT INTO notification_preferences AS np (person_id, feed_version) VALUES ($1, 2)
         ON CONFLICT (person_id) DO UPDATE SET feed_version = np.feed_version + 1 RETURNING feed_version AS "feedVersion"`,
        [personId],
      );
      return row!.feedVersion;
    });
  }

  /**
   * DAILY_DIGEST people whose last digest is older than tomorrow in UTC (no time zone is further
   * ahead): whether today's is due is decided with their time zone, which identity has.
   */
  digestCandidates(db: Queryable = this.dataSource): Promise<DigestCandidate[]> {
    return rows<DigestCandidate>(
      db,
      `SELECT person_id AS id, to_char(digest_sent_on, 'YYYY-MM-DD') AS "sentOn"
         FROM notification_preferences
        WHERE email_mode = 'DAILY_DIGEST'
          AND (digest_sent_on IS NULL OR digest_sent_on <= (now() AT TIME ZONE 'UTC')::date)`,
    );
  }

  /**
   * Locks a DAILY_DIGEST person whose digest of `day` is not recorded yet and records it, inside the
   * caller's transaction (a failed send rolls both back); false when there is nothing to send.
   */
  async takeDigestDay(personId: string, day: string, m: Queryable): Promise<boolean> {
    const taken = await updated(
      m,
      `UPDATE notification_preferences SET digest_sent_on = $2::date
        WHERE person_id = $1 AND email_mode = 'DAILY_DIGEST' AND digest_sent_on IS DISTINCT FROM $2::date RETURNING person_id`,
      [personId, day],
    );
    return taken.length > 0;
  }
}
