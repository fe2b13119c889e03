import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Platform tables: the outbox that domains write in their transactions, and worker heartbeats. */
export class Foundation1790000000000 implements MigrationInterface {
  name = 'Foundation1790000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE outbox_event (
        id           bigserial PRIMARY KEY,
        topic        text NOT NULL CHECK (topic ~ '^[a-z]+(\\.[a-z_]+)+$'),
        subject_id   uuid NOT NULL,
        payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at   timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_event_pending_idx ON outbox_event (id) WHERE processed_at IS NULL`);
    await q.query(`
      CREATE TABLE worker_heartbeat (
        worker_id  text PRIMARY KEY,
        beat_at    timestamptz NOT NULL DEFAULT now(),
        beats      bigint NOT NULL DEFAULT 1
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE worker_heartbeat`);
    await q.query(`DROP TABLE outbox_event`);
  }
}
