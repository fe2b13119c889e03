import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins per e-mail (lower case), kept in PostgreSQL so every gateway shares the
 * count that throttles repeated failures. Rows older than the window are deleted on the way.
 */
export class LoginFailures1790000001500 implements MigrationInterface {
  name = 'LoginFailures1790000001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_failure (
        id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email_key text NOT NULL CHECK (length(email_key) <= 400),
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failure_email_idx ON login_failure (email_key, failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failure`);
  }
}
