import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, updated } from '@app/platform';

/** The limits an attempt is counted against. */
export interface SignInLimits {
  windowSeconds: number;
  perClient: number;
  perClientAndEmail: number;
}

/** The attempt written down (null when a limit was reached), and when the client may retry. */
export interface RecordedAttempt {
  attemptId: string | null;
  retryAfter: number | null;
}

/** login_failure: one row per sign-in attempt of a client that has not (yet) proved right. */
@Injectable()
export class SignInAttemptsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises the attempts of one client until the transaction `m` ends. */
  async lockClient(client: string, m: Queryable): Promise<void> {
    await one(m, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sign-in:${client}`]);
  }

  /**
   * Counts the client's recent failures, purges rows older than the window, and writes the
   * attempt down unless a limit is reached, in one statement.
   */
  async record(client: string, emailKey: string | null, limits: SignInLimits, m: Queryable): Promise<RecordedAttempt> {
    const row = await one<RecordedAttempt>(
      m,
      `WITH recent AS (
         SELECT count(*)::int AS from_client,
                count(*) FILTER (WHERE email_key = $2)::int AS for_email,
                min(failed_at) AS oldest,
                min(failed_at) FILTER (WHERE email_key = $2) AS oldest_for_email
           FROM login_failure
          WHERE client_key = $1 AND failed_at > now() - make_interval(secs => $3)
       ), purged AS (
         DELETE FROM login_failure WHERE id IN (
           SELECT id FROM login_failure WHERE failed_at <= now() - make_interval(secs => $3) FOR UPDATE SKIP LOCKED)
       ), attempt AS (
         INSERT INTO login_failure (client_key, email_key)
         SELECT $1, $2 FROM recent WHERE from_client < $4 AND ($2::text IS NULL OR for_email < $5)
         RETURNING id
       )
       SELECT (SELECT id FROM attempt)::text AS "attemptId",
              ceil(extract(epoch FROM greatest(
                CASE WHEN from_client >= $4 THEN oldest END,
                CASE WHEN for_email >= $5 THEN oldest_for_email END
              ) + make_interval(secs => $3) - now()))::int AS "retryAfter"
         FROM recent`,
      [client, emailKey, limits.windowSeconds, limits.perClient, limits.perClientAndEmail],
    );
    return row!;
  }

  /** The attempt proved right: it no longer counts. */
  async forget(attemptId: string, db: Queryable = this.dataSource): Promise<void> {
    await updated(db, `DELETE FROM login_failure WHERE id = $1`, [attemptId]);
  }
}
