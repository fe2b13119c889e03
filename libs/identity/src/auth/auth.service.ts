import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Caller, ConflictError, UnauthenticatedError } from '@app/platform';
import { AccessPolicy } from '../access/access-policy.service';
import { InvitationsRepository } from '../people/invitations.repository';
import { PeopleRepository, type PersonWithSecrets } from '../people/people.repository';
import type { PersonModel } from '../people/person.model';
import { SignInAttempts } from '../sign-in/sign-in-attempts.service';
import type { AuthPayloadModel } from './auth-payload.model';
import { checkPassword, hashPassword, verifyPassword } from './passwords';
import { TokenRevocations } from './token-revocations.service';
import { TokenService } from './token.service';

const WRONG_CREDENTIALS = 'Wrong e-mail or password';
const WRONG_CURRENT_PASSWORD = 'The current password is wrong';
const BAD_INVITATION = 'This invitation link is invalid, expired or already used';

/** A hash to verify against when there is none, so that every failure takes as long. */
let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= hashPassword('not-a-real-password-0000'));

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The e-mail as sign-in failures are counted under it. */
const emailKey = (email: string) => String(email).trim().toLowerCase().slice(0, 400);

/**
 * Sign-in, invitations and the caller's own password and sessions. Every attempt to check or
 * set a password is counted per client (`client`: see clientKey) by SignInAttempts first.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly invitations: InvitationsRepository,
    private readonly policy: AccessPolicy,
    private readonly tokens: TokenService,
    private readonly revocations: TokenRevocations,
    private readonly attempts: SignInAttempts,
  ) {}

  async login(client: string, email: string, password: string): Promise<AuthPayloadModel> {
    const key = emailKey(email);
    const attempt = await this.attempts.begin(client, key);
    const row = await this.people.withSecretsByEmail(key);
    const ok = await verifyPassword(row?.passwordHash ?? (await dummy()), String(password));
    if (!row?.passwordHash || !ok) throw new UnauthenticatedError(WRONG_CREDENTIALS);
    await attempt.succeeded();
    return this.payload(row);
  }

  /**
   * Consumes a one-time invitation token: the token is checked before any password is hashed.
   * Accepting consumes all of the person's open invitations. An account that already has a
   * password keeps it: the invitation signs in with that password, and any other is CONFLICT.
   */
  async acceptInvitation(client: string, token: string, password: string): Promise<AuthPayloadModel> {
    checkPassword(password);
    const attempt = await this.attempts.begin(client, null);
    const tokenHash = sha256(String(token));
    const invited = await this.people.withSecretsByInvitation(tokenHash);
    if (!invited) throw new UnauthenticatedError(BAD_INVITATION);
    if (invited.passwordHash && !(await verifyPassword(invited.passwordHash, password))) {
      throw new ConflictError('This account already has a password: sign in with it (an invitation never replaces it)');
    }
    await attempt.succeeded();
    const newHash = invited.passwordHash ? null : await hashPassword(password);
    await this.dataSource.transaction(async (m) => {
      const consumed = await this.invitations.consumeOpen(invited.id, m);
      // Another accept of the same person got there first.
      if (!consumed.includes(tokenHash)) throw new UnauthenticatedError(BAD_INVITATION);
      if (!newHash) return;
      if (!(await this.people.setFirstPassword(invited.id, newHash, m)))
        throw new ConflictError('This account got a password meanwhile: sign in with it');
    });
    return this.payload(invited);
  }

  /** Sets a new password; every other token of the caller stops working. */
  async changeMyPassword(
    caller: Caller | null,
    client: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<AuthPayloadModel> {
    const { personId } = this.policy.requireCaller(caller);
    checkPassword(newPassword, 'newPassword');
    const row = await this.people.withSecretsById(personId);
    if (!row) throw new UnauthenticatedError();
    const attempt = await this.attempts.begin(client, emailKey(row.email));
    const ok = await verifyPassword(row.passwordHash ?? (await dummy()), String(currentPassword));
    if (!row.passwordHash || !ok) throw new UnauthenticatedError(WRONG_CURRENT_PASSWORD);
    await attempt.succeeded();
    const newHash = await hashPassword(newPassword);
    const tokenVersion = await this.dataSource.transaction(async (m) => {
      if (!(await this.people.replacePassword(personId, row.passwordHash!, newHash, m)))
        throw new ConflictError('Your password was changed meanwhile; sign in again');
      return this.revocations.revoke(m, personId);
    });
    await this.revocations.reload();
    return this.payload({ ...row, tokenVersion });
  }

  /** Every token of the person, the one in use included, stops working. */
  async signOutEverywhere(caller: Caller | null): Promise<boolean> {
    const { personId } = this.policy.requireCaller(caller);
    await this.revocations.revoke(this.dataSource.manager, personId);
    await this.revocations.reload();
    return true;
  }

  /** The caller. */
  async me(caller: Caller | null): Promise<PersonModel> {
    const row = await this.people.byId(this.policy.requireCaller(caller).personId);
    if (!row) throw new UnauthenticatedError();
    return row;
  }

  private payload({ passwordHash: _hash, tokenVersion, ...person }: PersonWithSecrets): AuthPayloadModel {
    return { accessToken: this.tokens.sign(person.id, tokenVersion), person };
  }
}
