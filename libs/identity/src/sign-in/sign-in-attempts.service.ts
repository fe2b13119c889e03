import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateLimitedError } from '@app/platform';
import { SignInAttemptsRepository, type SignInLimits } from './sign-in-attempts.repository';

/** The window in which failed sign-ins are counted. */
export const SIGN_IN_WINDOW_SECONDS = 60;
/** Failed sign-ins (any e-mail) one client may make per window; then every sign-in from it is refused. */
export const FAILURES_PER_CLIENT = 20;
/** Failed sign-ins one client may make per window for one e-mail. */
export const FAILURES_PER_CLIENT_AND_EMAIL = 10;

const LIMITS: SignInLimits = {
  windowSeconds: SIGN_IN_WINDOW_SECONDS,
  perClient: FAILURES_PER_CLIENT,
  perClientAndEmail: FAILURES_PER_CLIENT_AND_EMAIL,
};

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly attempts: SignInAttemptsRepository,
  ) {}

  /**
   * Starts an attempt of `client` (see clientKey) for `emailKey` (lower case; null when the
   * attempt names no e-mail, e.g. an invitation token). FORBIDDEN (RATE_LIMITED, HTTP 429)
   * when a limit is reached; otherwise the attempt counts as failed until `succeeded()`.
   */
  async begin(client: string, emailKey: string | null): Promise<SignInAttempt> {
    const row = await this.dataSource.transaction(async (m) => {
      // Serialises the attempts of one client between counting and writing down.
      await this.attempts.lockClient(client, m);
      return this.attempts.record(client, emailKey, LIMITS, m);
    });
    if (!row.attemptId) {
      const retryAfter = Math.min(SIGN_IN_WINDOW_SECONDS, Math.max(1, row.retryAfter ?? SIGN_IN_WINDOW_SECONDS));
      throw new RateLimitedError(`Too many failed sign-ins from here; try again in ${retryAfter} s`, retryAfter);
    }
    return new SignInAttempt(this.attempts, row.attemptId);
  }
}

/** One attempt, counted as failed unless it is told it succeeded. */
export class SignInAttempt {
  constructor(
    private readonly attempts: SignInAttemptsRepository,
    private readonly id: string,
  ) {}

  /** The credentials were right: this attempt no longer counts. */
  async succeeded(): Promise<void> {
    await this.attempts.forget(this.id);
  }
}
