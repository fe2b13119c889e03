import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit findings 3, 4 and 12.
 * - Sign-in failures are counted per client (address, an IPv6 client by its /64) and per client
 *   and e-mail, no longer per e-mail alone: a stranger elsewhere cannot lock an owner out. A
 *   failure's row is written before the password is checked (and deleted when it was right), so
 *   concurrent attempts cannot race past the count. The old rows carry no client: they go.
 * - token_revocation: the version of a person's access tokens, raised by changeMyPassword and
 *   signOutEverywhere; tokens of an older version are refused. Its change notices tell every
 *   gateway to reload the recent revocations it keeps in memory.
 */
export class SignInLimitsAndRevocations1790000010000 implements MigrationInterface {
  name = 'SignInLimitsAndRevocations1790000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM login_failure`);
    await q.query(`DROP INDEX login_failure_email_idx`);
    await q.query(`ALTER TABLE login_failure ALTER COLUMN email_key DROP NOT NULL`);
    await q.query(`ALTER TABLE login_failure ADD COLUMN client_key text NOT NULL CHECK (length(client_key) <= 100)`);
    await q.query(`CREATE INDEX login_failure_client_idx ON login_failure (client_key, failed_at)`);
    await q.query(`CREATE INDEX login_failure_failed_at_idx ON login_failure (failed_at)`);
    await q.query(`
      CREATE TABLE token_revocation (
        person_id  uuid PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
        version    integer NOT NULL CHECK (version > 0),
        revoked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX token_revocation_revoked_at_idx ON token_revocation (revoked_at)`);
    await q.query(
      `CREATE TRIGGER token_revocation_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON token_revocation
         FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE token_revocation`);
    await q.query(`DELETE FROM login_failure`);
    await q.query(`DROP INDEX login_failure_failed_at_idx`);
    await q.query(`DROP INDEX login_failure_client_idx`);
    await q.query(`ALTER TABLE login_failure DROP COLUMN client_key`);
    await q.query(`ALTER TABLE login_failure ALTER COLUMN email_key SET NOT NULL`);
    await q.query(`CREATE INDEX login_failure_email_idx ON login_failure (email_key, failed_at)`);
  }
}
