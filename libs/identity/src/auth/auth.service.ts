import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateLimitedError, UnauthenticatedError } from '@app/platform';
import { PERSON_COLUMNS, type PersonModel } from '../people/person.model';
import type { AuthPayloadModel } from './auth-payload.model';
import { checkPassword, hashPassword, verifyPassword } from './passwords';
import { TokenService } from './token.service';

/** Failed sign-ins allowed per e-mail within the window before further attempts are refused. */
export const LOGIN_MAX_FAILURES = 10;
export const LOGIN_WINDOW_SECONDS = 60;

const WRONG_CREDENTIALS = 'Wrong e-mail or password';
const BAD_INVITATION = 'This invitation link is invalid, expired or already used';

/** A hash to verify against when the e-mail is unknown, so both failures take as long. */
let dummyHash: Promise<string> | null = null;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async login(email: string, password: string): Promise<AuthPayloadModel> {
    const key = String(email).trim().toLowerCase().slice(0, 400);
    const [recent] = (await this.dataSource.query(
      `SELECT count(*)::int AS failures,
              ceil(extract(epoch FROM (min(failed_at) + make_interval(secs => $2) - now())))::int AS "retryAfter"
         FROM login_failure WHERE email_key = $1 AND failed_at > now() - make_interval(secs => $2)`,
      [key, LOGIN_WINDOW_SECONDS],
    )) as { failures: number; retryAfter: number | null }[];
    if (recent.failures >= LOGIN_MAX_FAILURES) {
      const retryAfter = Math.max(1, recent.retryAfter ?? LOGIN_WINDOW_SECONDS);
      throw new RateLimitedError(
        `Too many failed sign-ins for this e-mail; try again in ${retryAfter} s`,
        retryAfter,
        'UNAUTHENTICATED',
      );
    }
    const [row] = (await this.dataSource.query(
      `SELECT ${PERSON_COLUMNS}, password_hash AS "passwordHash" FROM person WHERE lower(email) = $1`,
      [key],
    )) as (PersonModel & { passwordHash: string | null })[];
    dummyHash ??= hashPassword('not-a-real-password-0000');
    const ok = await verifyPassword(row?.passwordHash ?? (await dummyHash), String(password));
    if (!row?.passwordHash || !ok) {
      await this.dataSource.query(
        `WITH old AS (DELETE FROM login_failure WHERE email_key = $1 AND failed_at < now() - make_interval(secs => $2))
         INSERT INTO login_failure (email_key) VALUES ($1)`,
        [key, LOGIN_WINDOW_SECONDS],
      );
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    const { passwordHash: _hash, ...person } = row;
    return { accessToken: this.tokens.sign(person.id), person };
  }

  /** Consumes a one-time invitation token (once), sets the password and signs the person in. */
  async acceptInvitation(token: string, password: string): Promise<AuthPayloadModel> {
    checkPassword(password);
    const hash = await hashPassword(password);
    const person = await this.dataSource.transaction(async (m) => {
      const [used] = (await m.query(
        `UPDATE invitation SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING person_id AS "personId"`,
        [sha256(String(token))],
      )) as [{ personId: string }[], number];
      const personId = used[0]?.personId;
      if (!personId) throw new UnauthenticatedError(BAD_INVITATION);
      const [updated] = (await m.query(`UPDATE person SET password_hash = $2 WHERE id = $1 RETURNING ${PERSON_COLUMNS}`, [
        personId,
        hash,
      ])) as [PersonModel[], number];
      return updated[0];
    });
    return { accessToken: this.tokens.sign(person.id), person };
  }

  async me(personId: string): Promise<PersonModel> {
    const [row] = (await this.dataSource.query(`SELECT ${PERSON_COLUMNS} FROM person WHERE id = $1`, [
      personId,
    ])) as PersonModel[];
    if (!row) throw new UnauthenticatedError();
    return row;
  }
}
