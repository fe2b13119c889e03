import { createHash } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { errorCodes, startGateway, useGateway } from '../support/gateway-harness';
import { useFixtures } from '../support/fixtures';
import { SmtpSink } from '../support/smtp-sink';
import { ACCEPT, clientAddress, from, LOGIN, setPassword } from '../support/sign-in';
import { uniqueId } from '../support/test-config';

const ME = `query { me { id name email timeZone organization { name } } }`;
const REGISTER = `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id name email timeZone } }`;
const CREATE_ORG = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name acronym kind country } }`;

describe('identity: sign-in, invitations, organisations', () => {
  const sink = new SmtpSink();
  beforeAll(() => sink.start());
  const gateway = useGateway(() => ({ SMTP_URL: sink.url, PUBLIC_URL: 'https://wg.example.org' }));
  const fx = useFixtures();
  afterAll(() => sink.stop());
  let initiative: { id: string; slug: string };
  let secretariat: { id: string; email: string; token: string };
  /** This file's client address: its sign-in failures never count against other tests. */
  const address = clientAddress();
  const signIn = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, at = address) =>
    gateway.gql<T>(query, variables, undefined, from(at));

  beforeAll(async () => {
    initiative = await fx.initiative();
    secretariat = await fx.person(initiative.id, 'SECRETARIAT');
  });

  /** Registers a person with a password through the API; returns their id and e-mail. */
  async function registered(password = 'correct-horse-1') {
    const email = `Login-${uniqueId()}@Example.org`;
    const result = await gateway.gql<{ registerPerson: { id: string } }>(
      REGISTER,
      { input: { initiativeId: initiative.id, name: 'Ada', email, role: 'MEMBER', password } },
      secretariat.token,
    );
    expect(result.errors).toBeUndefined();
    return { id: result.data!.registerPerson.id, email, password };
  }

  describe('me', () => {
    it('returns the caller', async () => {
      const person = await fx.person(initiative.id, 'MEMBER', { name: 'Me Myself', timeZone: 'Asia/Tokyo' });
      const result = await gateway.gql(ME, {}, person.token);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        me: { id: person.id, name: 'Me Myself', email: person.email, timeZone: 'Asia/Tokyo', organization: null },
      });
    });

    it('is UNAUTHENTICATED without, with a forged, an expired or a foreign-algorithm token', async () => {
      const person = await fx.person(initiative.id);
      const expired = jwt.sign({ sub: person.id, exp: Math.floor(Date.now() / 1000) - 10 }, gateway.config.JWT_SECRET, {
        algorithm: 'HS256',
      });
      const forged = jwt.sign({ sub: person.id }, 'another-secret-of-at-least-32-characters!!', { algorithm: 'HS256' });
      const none = jwt.sign({ sub: person.id }, '', { algorithm: 'none' });
      for (const token of [undefined, 'garbage', expired, forged, none]) {
        expect(errorCodes(await gateway.gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
      }
    });

    it('is UNAUTHENTICATED once the person no longer exists', async () => {
      const person = await fx.person(null);
      await fx.query(`DELETE FROM person WHERE id = $1`, [person.id]);
      expect(errorCodes(await gateway.gql(ME, {}, person.token))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('login', () => {
    it('returns a signed HS256 JWT (sub = person id) that works as a bearer token; e-mail case does not matter', async () => {
      const { id, email, password } = await registered();
      const result = await signIn<{ login: { accessToken: string; person: { id: string } } }>(LOGIN, {
        email: email.toUpperCase(),
        password,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.login.person.id).toBe(id);
      const token = result.data!.login.accessToken;
      const decoded = jwt.verify(token, gateway.config.JWT_SECRET, { algorithms: ['HS256'] }) as jwt.JwtPayload;
      expect(decoded.sub).toBe(id);
      expect(decoded.exp! - decoded.iat!).toBe(12 * 3600);
      const me = await gateway.gql<{ me: { id: string } }>(ME, {}, token);
      expect(me.data!.me.id).toBe(id);
    });

    it('gives the same UNAUTHENTICATED message for a wrong e-mail and a wrong password', async () => {
      const { email } = await registered();
      const wrongPassword = await signIn(LOGIN, { email, password: 'wrong-password-1' });
      const wrongEmail = await signIn(LOGIN, { email: `nobody-${uniqueId()}@example.org`, password: 'wrong-password-1' });
      const noPasswordYet = await fx.person(initiative.id);
      const invited = await signIn(LOGIN, { email: noPasswordYet.email, password: 'wrong-password-1' });
      expect(errorCodes(wrongPassword)).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(wrongEmail)).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(invited)).toEqual(['UNAUTHENTICATED']);
      expect(wrongEmail.errors![0].message).toBe(wrongPassword.errors![0].message);
      expect(invited.errors![0].message).toBe(wrongPassword.errors![0].message);
    });

    it('throttles after 10 failures a minute for one e-mail from one address (even the right password), shared by gateways', async () => {
      const { email, password } = await registered();
      const other = await registered();
      const attacker = clientAddress();
      for (let i = 0; i < 10; i++) {
        expect(errorCodes(await signIn(LOGIN, { email, password: `wrong-password-${i}` }, attacker))).toEqual([
          'UNAUTHENTICATED',
        ]);
      }
      const [{ count }] = await fx.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM login_failure WHERE email_key = $1`,
        [email.toLowerCase()],
      );
      expect(count).toBe(10);
      const refused = await signIn(LOGIN, { email, password }, attacker);
      expect(refused.status).toBe(429);
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.errors![0].extensions.reason).toBe('RATE_LIMITED');
      expect(refused.errors![0].extensions.retryAfter as number).toBeGreaterThan(0);
      expect(refused.errors![0].extensions.retryAfter as number).toBeLessThanOrEqual(60);
      expect(refused.errors![0].message).toMatch(/too many/i);
      // A second gateway shares the count.
      const second = await startGateway();
      try {
        const again = await second.gql(LOGIN, { email, password }, undefined, from(attacker));
        expect(again.errors![0].extensions.reason).toBe('RATE_LIMITED');
      } finally {
        await second.close();
      }
      // Other e-mails from that address, and this e-mail from other addresses, are unaffected.
      expect((await signIn(LOGIN, other, attacker)).errors).toBeUndefined();
      expect((await signIn(LOGIN, { email, password }, clientAddress())).errors).toBeUndefined();
      // Once the failures are older than a minute, the right password works again there too.
      await fx.query(`UPDATE login_failure SET failed_at = failed_at - interval '61 seconds' WHERE email_key = $1`, [
        email.toLowerCase(),
      ]);
      expect((await signIn(LOGIN, { email, password }, attacker)).errors).toBeUndefined();
    });
  });

  describe('invitations', () => {
    it('register without a password -> e-mail with a one-time link -> accept -> log in; a second accept is refused', async () => {
      const email = `invitee-${uniqueId()}@example.org`;
      const registeredResult = await gateway.gql<{ registerPerson: { id: string } }>(
        REGISTER,
        { input: { initiativeId: initiative.id, name: 'Grace Invitee', email, role: 'MEMBER' } },
        secretariat.token,
      );
      expect(registeredResult.errors).toBeUndefined();
      const personId = registeredResult.data!.registerPerson.id;
      await sink.waitFor(() => sink.to(email).length === 1);
      const text = sink.to(email)[0].text ?? '';
      const link = /https:\/\/wg\.example\.org\/invitation\/([\w%-]+)/.exec(text);
      expect(link).not.toBeNull();
      const token = decodeURIComponent(link![1]);

      // Only the sha256 of the token is stored, valid for 7 days.
      const stored = await fx.query<{ token_hash: string; days: number; used_at: Date | null }>(
        `SELECT token_hash, round(extract(epoch FROM expires_at - created_at) / 86400)::int AS days, used_at FROM invitation WHERE person_id = $1`,
        [personId],
      );
      expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex'), days: 7, used_at: null }]);

      // Login is impossible before accepting.
      expect(errorCodes(await signIn(LOGIN, { email, password: 'my-new-password' }))).toEqual(['UNAUTHENTICATED']);

      // A too short password is BAD_USER_INPUT and does not consume the token.
      const short = await signIn(ACCEPT, { token, password: 'short' });
      expect(errorCodes(short)).toEqual(['BAD_USER_INPUT']);
      expect(short.errors![0].extensions.fields).toEqual([{ field: 'password', message: expect.any(String) }]);
      expect((await fx.query(`SELECT used_at FROM invitation WHERE person_id = $1`, [personId]))[0].used_at).toBeNull();

      const accepted = await signIn<{ acceptInvitation: { accessToken: string; person: { id: string } } }>(ACCEPT, {
        token,
        password: 'my-new-password',
      });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.acceptInvitation.person.id).toBe(personId);
      expect((await gateway.gql(ME, {}, accepted.data!.acceptInvitation.accessToken)).errors).toBeUndefined();

      const login = await signIn<{ login: { person: { id: string } } }>(LOGIN, { email, password: 'my-new-password' });
      expect(login.data!.login.person.id).toBe(personId);

      const again = await signIn(ACCEPT, { token, password: 'another-password' });
      expect(errorCodes(again)).toEqual(['UNAUTHENTICATED']);
      // The refused second accept did not change the password.
      expect((await signIn(LOGIN, { email, password: 'another-password' })).errors).toBeDefined();
      expect((await signIn(LOGIN, { email, password: 'my-new-password' })).errors).toBeUndefined();
    });

    it('refuses an unknown and an expired token', async () => {
      expect(errorCodes(await signIn(ACCEPT, { token: 'not-a-token', password: 'long-enough-pw' }))).toEqual(['UNAUTHENTICATED']);
      const person = await fx.person(initiative.id);
      const token = `expired-${uniqueId()}`;
      await fx.query(
        `INSERT INTO invitation (person_id, initiative_id, token_hash, expires_at) VALUES ($1, $2, $3, now() - interval '1 second')`,
        [person.id, initiative.id, createHash('sha256').update(token).digest('hex')],
      );
      expect(errorCodes(await signIn(ACCEPT, { token, password: 'long-enough-pw' }))).toEqual(['UNAUTHENTICATED']);
      const [row] = await fx.query<{ password_hash: string | null }>(`SELECT password_hash FROM person WHERE id = $1`, [
        person.id,
      ]);
      expect(row.password_hash).toBeNull();
    });
  });

  describe('old invitations (audit finding 11)', () => {
    const tokenFor = async (personId: string, initiativeId: string) => {
      const token = `t-${uniqueId(16)}`;
      await fx.query(
        `INSERT INTO invitation (person_id, initiative_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '7 days')`,
        [personId, initiativeId, createHash('sha256').update(token).digest('hex')],
      );
      return token;
    };
    const openInvitations = async (personId: string) =>
      (
        await fx.query<{ n: number }>(`SELECT count(*)::int AS n FROM invitation WHERE person_id = $1 AND used_at IS NULL`, [
          personId,
        ])
      )[0].n;

    it("accepting one invitation consumes all of that person's open invitations", async () => {
      const second = await fx.initiative();
      const person = await fx.person(initiative.id);
      await fx.query(`INSERT INTO initiative_member (initiative_id, person_id, role) VALUES ($1, $2, 'MEMBER')`, [
        second.id,
        person.id,
      ]);
      const first = await tokenFor(person.id, initiative.id);
      const old = await tokenFor(person.id, second.id);
      expect(await openInvitations(person.id)).toBe(2);
      expect((await signIn(ACCEPT, { token: first, password: 'chosen-password-1' })).errors).toBeUndefined();
      expect(await openInvitations(person.id)).toBe(0);
      expect(errorCodes(await signIn(ACCEPT, { token: old, password: 'an-attackers-password' }))).toEqual(['UNAUTHENTICATED']);
      expect((await signIn(LOGIN, { email: person.email, password: 'chosen-password-1' })).errors).toBeUndefined();
      expect(errorCodes(await signIn(LOGIN, { email: person.email, password: 'an-attackers-password' }))).toEqual([
        'UNAUTHENTICATED',
      ]);
    });

    it('cannot overwrite the password of an account that has one: CONFLICT with another password, a sign-in with its own', async () => {
      const person = await fx.person(initiative.id);
      await setPassword(fx, person.id, 'the-owners-password');
      const token = await tokenFor(person.id, initiative.id);
      const [before] = await fx.query(`SELECT password_hash FROM person WHERE id = $1`, [person.id]);
      const overwrite = await signIn(ACCEPT, { token, password: 'an-attackers-password' });
      expect(errorCodes(overwrite)).toEqual(['CONFLICT']);
      expect(await fx.query(`SELECT password_hash FROM person WHERE id = $1`, [person.id])).toEqual([before]);
      expect(await openInvitations(person.id)).toBe(1);
      expect(errorCodes(await signIn(LOGIN, { email: person.email, password: 'an-attackers-password' }))).toEqual([
        'UNAUTHENTICATED',
      ]);

      const accepted = await signIn<{ acceptInvitation: { accessToken: string; person: { id: string } } }>(ACCEPT, {
        token,
        password: 'the-owners-password',
      });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.acceptInvitation.person.id).toBe(person.id);
      expect((await gateway.gql(ME, {}, accepted.data!.acceptInvitation.accessToken)).errors).toBeUndefined();
      expect(await openInvitations(person.id)).toBe(0);
      expect(await fx.query(`SELECT password_hash FROM person WHERE id = $1`, [person.id])).toEqual([before]);
    });
  });

  describe('createOrganization', () => {
    const orgCount = async (name: string) =>
      (await fx.query<{ n: number }>(`SELECT count(*)::int AS n FROM organization WHERE lower(name) = lower($1)`, [name]))[0].n;

    it('lets a SECRETARIAT of any initiative create one', async () => {
      const name = `City of ${uniqueId()}`;
      const result = await gateway.gql(
        CREATE_ORG,
        { input: { name, acronym: 'COX', kind: 'CITY', country: 'CH' } },
        secretariat.token,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        createOrganization: { id: expect.any(String), name, acronym: 'COX', kind: 'CITY', country: 'CH' },
      });
      const person = await fx.person(initiative.id);
      await fx.query(`UPDATE person SET organization_id = $2 WHERE id = $1`, [
        person.id,
        (result.data as { createOrganization: { id: string } }).createOrganization.id,
      ]);
      expect(
        ((await gateway.gql(ME, {}, person.token)).data as { me: { organization: { name: string } } }).me.organization,
      ).toEqual({ name });
    });

    it('is CONFLICT for a duplicate name (case-insensitively), changing nothing', async () => {
      const name = `Dup Org ${uniqueId()}`;
      expect((await gateway.gql(CREATE_ORG, { input: { name, kind: 'OTHER' } }, secretariat.token)).errors).toBeUndefined();
      const dup = await gateway.gql(CREATE_ORG, { input: { name: name.toUpperCase(), kind: 'UN_BODY' } }, secretariat.token);
      expect(errorCodes(dup)).toEqual(['CONFLICT']);
      expect(await orgCount(name)).toBe(1);
    });

    it('is FORBIDDEN for MEMBER, OBSERVER and people in no initiative, UNAUTHENTICATED without a token', async () => {
      const name = `Refused Org ${uniqueId()}`;
      const member = await fx.person(initiative.id, 'MEMBER');
      const observer = await fx.person(initiative.id, 'OBSERVER');
      const loner = await fx.person(null);
      for (const token of [member.token, observer.token, loner.token]) {
        expect(errorCodes(await gateway.gql(CREATE_ORG, { input: { name, kind: 'CITY' } }, token))).toEqual(['FORBIDDEN']);
      }
      expect(errorCodes(await gateway.gql(CREATE_ORG, { input: { name, kind: 'CITY' } }))).toEqual(['UNAUTHENTICATED']);
      expect(await orgCount(name)).toBe(0);
    });

    it('is BAD_USER_INPUT naming the field for a too long name, an empty name or an unknown kind', async () => {
      const long = await gateway.gql(CREATE_ORG, { input: { name: 'x'.repeat(201), kind: 'CITY' } }, secretariat.token);
      expect(errorCodes(long)).toEqual(['BAD_USER_INPUT']);
      expect(long.errors![0].extensions.fields).toEqual([{ field: 'name', message: expect.any(String) }]);
      const empty = await gateway.gql(CREATE_ORG, { input: { name: '', kind: 'CITY' } }, secretariat.token);
      expect(empty.errors![0].extensions.fields).toEqual([{ field: 'name', message: expect.any(String) }]);
      expect(errorCodes(await gateway.gql(CREATE_ORG, { input: { name: 'X', kind: 'PLANET' } }, secretariat.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(await orgCount('x'.repeat(201))).toBe(0);
    });
  });
});
