import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and notifications. PostgreSQL is the truth of what is planned (planned_reminder);
 * Redis only holds the timers. A notification is unique per (kind, subject, recipient, lead
 * time, deadline), NULLS NOT DISTINCT so kinds without a deadline dedupe too: inserting it is
 * the "exactly once" step. A missing reminder_policy row means the default policy.
 */
export class Reminders1790000004000 implements MigrationInterface {
  name = 'Reminders1790000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminder_policy (
        initiative_id  uuid PRIMARY KEY REFERENCES initiative (id) ON DELETE CASCADE,
        lead_times_ms  bigint[] NOT NULL CHECK (cardinality(lead_times_ms) <= 20 AND 0 < ALL (lead_times_ms)),
        remind_overdue boolean NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      ALTER TABLE person
        ADD COLUMN email_mode text NOT NULL DEFAULT 'IMMEDIATE' CHECK (email_mode IN ('IMMEDIATE','DAILY_DIGEST','OFF')),
        ADD COLUMN feed_version integer NOT NULL DEFAULT 1 CHECK (feed_version >= 1),
        ADD COLUMN digest_sent_on date`);
    await q.query(`
      CREATE TABLE planned_reminder (
        job_id        text PRIMARY KEY,
        kind          text NOT NULL CHECK (kind IN ('WORK_ITEM_DUE','WORK_ITEM_OVERDUE','BALLOT_OPENED','BALLOT_CLOSING','BALLOT_CLOSED')),
        subject_id    uuid NOT NULL,
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        recipient_key text NOT NULL,
        lead_ms       bigint NOT NULL CHECK (lead_ms >= 0),
        due_at        timestamptz NOT NULL,
        fire_at       timestamptz NOT NULL,
        fired_at      timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX planned_reminder_subject_idx ON planned_reminder (subject_id)`);
    await q.query(`CREATE INDEX planned_reminder_pending_idx ON planned_reminder (fire_at) WHERE fired_at IS NULL`);
    await q.query(`
      CREATE TABLE notification (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id           uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        kind                text NOT NULL CHECK (kind IN ('WORK_ITEM_DUE','WORK_ITEM_OVERDUE','BALLOT_OPENED','BALLOT_CLOSING','BALLOT_CLOSED','INVITATION')),
        subject_id          uuid NOT NULL,
        initiative_id       uuid REFERENCES initiative (id) ON DELETE CASCADE,
        title               text NOT NULL,
        body                text NOT NULL,
        details             jsonb NOT NULL DEFAULT '{}'::jsonb,
        due_at              timestamptz,
        lead_ms             bigint,
        created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
        emailed_at          timestamptz,
        read_at             timestamptz,
        email_attempts      integer NOT NULL DEFAULT 0,
        email_claimed_until timestamptz,
        CONSTRAINT notification_once UNIQUE NULLS NOT DISTINCT (kind, subject_id, person_id, lead_ms, due_at)
      )`);
    await q.query(`CREATE INDEX notification_person_idx ON notification (person_id, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX notification_unread_idx ON notification (person_id, created_at DESC, id DESC) WHERE read_at IS NULL`,
    );
    await q.query(`CREATE INDEX notification_unemailed_idx ON notification (created_at) WHERE emailed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE planned_reminder`);
    await q.query(`ALTER TABLE person DROP COLUMN email_mode, DROP COLUMN feed_version, DROP COLUMN digest_sent_on`);
    await q.query(`DROP TABLE reminder_policy`);
  }
}
