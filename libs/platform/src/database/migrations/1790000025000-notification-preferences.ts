import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders' own table of how a person receives notifications (e-mail mode, calendar feed
 * version, day of the last digest), so reminders no longer keeps columns in identity's `person`.
 * A person without a row has the defaults (IMMEDIATE, version 1, no digest sent), so only the
 * people who changed something get a row.
 */
export class NotificationPreferences1790000025000 implements MigrationInterface {
  name = 'NotificationPreferences1790000025000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_preferences (
        person_id      uuid PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
        email_mode     text NOT NULL DEFAULT 'IMMEDIATE' CHECK (email_mode IN ('IMMEDIATE','DAILY_DIGEST','OFF')),
        feed_version   integer NOT NULL DEFAULT 1 CHECK (feed_version >= 1),
        digest_sent_on date
      )`);
    await q.query(`CREATE INDEX notification_preferences_email_mode_idx ON notification_preferences (email_mode)
                    WHERE email_mode <> 'IMMEDIATE'`);
    await q.query(`
      INSERT INTO notification_preferences (person_id, email_mode, feed_version, digest_sent_on)
      SELECT id, email_mode, feed_version, digest_sent_on FROM person
       WHERE email_mode <> 'IMMEDIATE' OR feed_version <> 1 OR digest_sent_on IS NOT NULL`);
    await q.query(`ALTER TABLE person DROP COLUMN email_mode, DROP COLUMN feed_version, DROP COLUMN digest_sent_on`);
    await q.query(
      `CREATE TRIGGER notification_preferences_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON notification_preferences
         FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person
        ADD COLUMN email_mode text NOT NULL DEFAULT 'IMMEDIATE' CHECK (email_mode IN ('IMMEDIATE','DAILY_DIGEST','OFF')),
        ADD COLUMN feed_version integer NOT NULL DEFAULT 1 CHECK (feed_version >= 1),
        ADD COLUMN digest_sent_on date`);
    await q.query(`
      UPDATE person p SET email_mode = np.email_mode, feed_version = np.feed_version, digest_sent_on = np.digest_sent_on
        FROM notification_preferences np WHERE np.person_id = p.id`);
    await q.query(`DROP TABLE notification_preferences`);
  }
}
