import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateLimitedError } from '@app/platform';

/** The window in which failed sign-ins are counted. */
export const SIGN_IN_WINDOW_SECONDS = 60;
/** Failed sign-ins (any e-mail) one client may make per window; then every sign-in from it is refused. */
export const FAILURES_PER_CLIENT = 20;
/** Failed sign-ins one client may make per window for one e-mail. */
export const FAILURES_PER_CLIENT_AND_EMAIL = 10;

/**
 * Counts failed sign-ins (login, acceptInvitation, changeMyPassword) per client and per client
 * and e-mail, in PostgreSQL so that every gateway shares the count. Never per e-mail alone: a
 * stranger at another address could then lock the owner out.
 *
 * An attempt is written down as a failure before its password is checked, under a lock on the
 * client, and deleted once it proved right: however many attempts arrive at once, no more than
 * the limit are ever evaluated. Rows older than the window are purged on the way.
 */
@Injectable()
export class SignInAttempts {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Starts an attempt of `client` (see clientKey) for `emailKey` (lower case; null when the
   * attempt names no e-mail, e.g. an invitation token). FORBIDDEN (RATE_LIMITED, HTTP 429)
   * when a limit is reached; otherwise the attempt counts as failed until `succeeded()`.
   */
  async begin(client: string, emailKey: string | null): Promise<SignInAttempt> {
    const [row] = await this.dataSource.transaction(async (m) => {
      // Serialises the attempts of one client between counting and writing down.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sign-in:${client}`]);
      return (await m.query(
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
        [client, emailKey, SIGN_IN_WINDOW_SECONDS, FAILURES_PER_CLIENT, FAILURES_PER_CLIENT_AND_EMAIL],
      )) as { attemptId: string | null; retryAfter: number | null }[];
    });
    if (!row.attemptId) {
      const retryAfter = Math.min(SIGN_IN_WINDOW_SECONDS, Math.max(1, row.retryAfter ?? SIGN_IN_WINDOW_SECONDS));
      throw new RateLimitedError(`Too many failed sign-ins from here; try again in ${retryAfter} s`, retryAfter);
    }
    return new SignInAttempt(this.dataSource, row.attemptId);
  }
}

/** One attempt, counted as failed unless it is told it succeeded. */
export class SignInAttempt {
  constructor(
    private readonly dataSource: DataSource,
    private readonly id: string,
  ) {}

  /** The credentials were right: this attempt no longer counts. */
  async succeeded(): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failure WHERE id = $1`, [this.id]);
  }
}
