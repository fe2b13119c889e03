import { createHash } from 'node:crypto';
import { clientKey } from '@app/identity';
import { useFixtures } from '../support/fixtures';
import { errorCodes, type GraphQLResult, startGateway, useGateway } from '../support/gateway-harness';
import {
  ACCEPT,
  CHANGE_PASSWORD,
  clientAddress,
  failuresFrom,
  from,
  LOGIN,
  ME,
  setPassword,
  uniqueToken,
} from '../support/sign-in';
import { uniqueId } from '../support/test-config';

const PASSWORD = 'the-right-password-1';

/** The refusal of a sign-in limit: FORBIDDEN, reason RATE_LIMITED, retryAfter, HTTP 429 and Retry-After. */
function expectRateLimited(result: GraphQLResult<unknown>): void {
  expect(result.status).toBe(429);
  expect(errorCodes(result)).toEqual(['FORBIDDEN']);
  const extensions = result.errors![0].extensions;
  expect(extensions.reason).toBe('RATE_LIMITED');
  expect(extensions.retryAfter).toEqual(expect.any(Number));
  expect(extensions.retryAfter as number).toBeGreaterThan(0);
  expect(extensions.retryAfter as number).toBeLessThanOrEqual(60);
  expect(result.headers.get('retry-after')).toBe(String(extensions.retryAfter));
  expect(extensions).not.toHaveProperty('http');
}

/** CPU time (user + system, all threads) the process spends in `work`, in microseconds. */
async function cpuMicros(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const spent = process.cpuUsage(before);
  return spent.user + spent.system;
}

describe('sign-in limits (audit findings 3, 4, 5)', () => {
  let initiative: { id: string };

  const gateway = useGateway();
  const fx = useFixtures();
  beforeAll(async () => {
    initiative = await fx.initiative();
  });

  async function account() {
    const person = await fx.person(initiative.id, 'MEMBER', { email: `Owner-${uniqueId()}@Example.org` });
    await setPassword(fx, person.id, PASSWORD);
    return person;
  }
  const login = (email: string, password: string, address: string) =>
    gateway.gql(LOGIN, { email, password }, undefined, from(address));

  it('an attacker at one address cannot keep the owner, at another address, out', async () => {
    const owner = await account();
    const attacker = clientAddress();
    for (let i = 0; i < 10; i++)
      expect(errorCodes(await login(owner.email, `guess-${i}-wrong`, attacker))).toEqual(['UNAUTHENTICATED']);
    // The attacker's address is now refused for this e-mail, even with the right password...
    expectRateLimited(await login(owner.email, PASSWORD, attacker));
    // ...and the owner, elsewhere, is not: a wrong password is just wrong, the right one works.
    const home = clientAddress();
    expect(errorCodes(await login(owner.email, 'a-typo-password', home))).toEqual(['UNAUTHENTICATED']);
    const signedIn = await login(owner.email.toUpperCase(), PASSWORD, home);
    expect(signedIn.errors).toBeUndefined();
    expect((signedIn.data as { login: { person: { id: string } } }).login.person.id).toBe(owner.id);
    expect(await failuresFrom(fx, attacker, owner.email)).toBe(10);
    expect(await failuresFrom(fx, home, owner.email)).toBe(1);
  });

  it('counts failures atomically: 30 concurrent wrong sign-ins for one e-mail from one address check 10 passwords', async () => {
    const owner = await account();
    const attacker = clientAddress();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login(owner.email, `parallel-guess-${i}`, attacker)));
    const outcomes = results.map((r) => (r.errors?.[0].extensions.reason as string) ?? errorCodes(r)[0]);
    expect(outcomes.filter((o) => o === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED')).toHaveLength(20);
    expect(await failuresFrom(fx, attacker, owner.email)).toBe(10);
  });

  it('allows 20 failed sign-ins a minute per address, then refuses every sign-in from it with 429 (shared by gateways)', async () => {
    const owner = await account();
    const sprayer = clientAddress();
    // Wrong logins and bad invitation tokens count alike.
    for (let i = 0; i < 10; i++) {
      const email = `sprayed-${i}-${uniqueId()}@example.org`;
      expect(errorCodes(await login(email, 'spray-password-1', sprayer))).toEqual(['UNAUTHENTICATED']);
      const accept = await gateway.gql(ACCEPT, { token: uniqueToken(), password: 'spray-password-1' }, undefined, from(sprayer));
      expect(errorCodes(accept)).toEqual(['UNAUTHENTICATED']);
    }
    expect(await failuresFrom(fx, sprayer)).toBe(20);
    expectRateLimited(await login(owner.email, PASSWORD, sprayer));
    expectRateLimited(await gateway.gql(ACCEPT, { token: uniqueToken(), password: PASSWORD }, undefined, from(sprayer)));
    const second = await startGateway();
    try {
      expectRateLimited(await second.gql(LOGIN, { email: owner.email, password: PASSWORD }, undefined, from(sprayer)));
    } finally {
      await second.close();
    }
    // Refusals are not failures: the count stays at the limit.
    expect(await failuresFrom(fx, sprayer)).toBe(20);
    // Other addresses are unaffected; the address recovers once its failures are a minute old.
    expect((await login(owner.email, PASSWORD, clientAddress())).errors).toBeUndefined();
    await fx.query(`UPDATE login_failure SET failed_at = failed_at - interval '61 seconds' WHERE client_key = $1`, [
      clientKey(sprayer),
    ]);
    expect((await login(owner.email, PASSWORD, sprayer)).errors).toBeUndefined();
  });

  it('purges failures older than the window', async () => {
    const stale = Array.from({ length: 3 }, () => `stale-${uniqueId()}@example.org`);
    for (const email of stale) {
      await fx.query(
        `INSERT INTO login_failure (client_key, email_key, failed_at) VALUES ($1, $2, now() - interval '2 minutes')`,
        [`198.51.100.${Math.floor(Math.random() * 250)}`, email],
      );
    }
    expect(errorCodes(await login(`someone-${uniqueId()}@example.org`, 'whatever-password', clientAddress()))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const [{ n }] = await fx.query<{ n: number }>(`SELECT count(*)::int AS n FROM login_failure WHERE email_key = ANY($1)`, [
      stale,
    ]);
    expect(n).toBe(0);
  });

  describe('one sign-in per request', () => {
    it('refuses several login, acceptInvitation or changeMyPassword in one request with BAD_USER_INPUT, evaluating none', async () => {
      const owner = await account();
      const address = clientAddress();
      const twoLogins = `mutation ($e: String!, $right: String!, $wrong: String!) {
        a: login(email: $e, password: $right) { accessToken } b: login(email: $e, password: $wrong) { accessToken } }`;
      const aliased = await gateway.gql(
        twoLogins,
        { e: owner.email, right: PASSWORD, wrong: 'wrong-password-1' },
        undefined,
        from(address),
      );
      // Mutations run one after the other, and the first refusal ends the request (data: null).
      expect(aliased.data).toBeNull();
      expect(errorCodes(aliased)).toEqual(['BAD_USER_INPUT']);
      expect(aliased.errors![0].message).toMatch(/at most one of login, acceptInvitation, changeMyPassword/i);

      const viaFragment = `mutation ($e: String!, $p: String!) { ...Twice }
        fragment Twice on Mutation { a: login(email: $e, password: $p) { accessToken } ... on Mutation { b: login(email: $e, password: $p) { accessToken } } }`;
      expect(
        errorCodes(await gateway.gql(viaFragment, { e: owner.email, p: 'wrong-password-2' }, undefined, from(address))),
      ).toEqual(['BAD_USER_INPUT']);
      expect(await failuresFrom(fx, address)).toBe(0);

      // An invitation next to a login is not consumed, and sets no password.
      const invitee = await fx.person(initiative.id);
      const token = uniqueToken();
      await fx.query(
        `INSERT INTO invitation (person_id, initiative_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
        [invitee.id, initiative.id, createHash('sha256').update(token).digest('hex')],
      );
      const mixed = `mutation ($t: String!, $e: String!, $p: String!) {
        acceptInvitation(token: $t, password: $p) { accessToken } login(email: $e, password: $p) { accessToken } }`;
      expect(errorCodes(await gateway.gql(mixed, { t: token, e: owner.email, p: PASSWORD }, undefined, from(address)))).toEqual([
        'BAD_USER_INPUT',
      ]);
      const [invitation] = await fx.query<{ used_at: Date | null; password_hash: string | null }>(
        `SELECT i.used_at, p.password_hash FROM invitation i JOIN person p ON p.id = i.person_id WHERE i.person_id = $1`,
        [invitee.id],
      );
      expect(invitation).toEqual({ used_at: null, password_hash: null });

      // Two password changes in one request change nothing; the caller's token still works.
      const twoChanges = `mutation { a: changeMyPassword(currentPassword: "${PASSWORD}", newPassword: "another-password-1") { accessToken }
        b: changeMyPassword(currentPassword: "${PASSWORD}", newPassword: "another-password-2") { accessToken } }`;
      expect(errorCodes(await gateway.gql(twoChanges, {}, owner.token, from(address)))).toEqual(['BAD_USER_INPUT']);
      expect((await gateway.gql(ME, {}, owner.token)).errors).toBeUndefined();
      expect((await login(owner.email, PASSWORD, address)).errors).toBeUndefined();
      expect(await failuresFrom(fx, address)).toBe(0);
    });

    it('counts a wrong current password of changeMyPassword like a failed sign-in', async () => {
      const owner = await account();
      const address = clientAddress();
      const result = await gateway.gql(
        CHANGE_PASSWORD,
        { current: 'not-my-password', next: 'a-new-password-1' },
        owner.token,
        from(address),
      );
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
      expect(await failuresFrom(fx, address, owner.email)).toBe(1);
    });
  });

  it('acceptInvitation checks the token before hashing the password', async () => {
    // Compared with the same number of wrong logins (each verifies one argon2 hash): refusing a
    // bad invitation token must cost a small fraction of that CPU, i.e. compute no hash.
    const wrongLogins = await cpuMicros(async () => {
      const address = clientAddress();
      for (let i = 0; i < 8; i++) await login(`nobody-${uniqueId()}@example.org`, 'a-password-to-check', address);
    });
    const address = clientAddress();
    const badTokens = await cpuMicros(async () => {
      for (let i = 0; i < 8; i++) {
        const result = await gateway.gql(
          ACCEPT,
          { token: uniqueToken(), password: 'a-password-to-hash' },
          undefined,
          from(address),
        );
        expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
      }
    });
    expect(badTokens).toBeLessThan(wrongLogins * 0.3);
    expect(await failuresFrom(fx, address)).toBe(8);
  });

  describe('the client address (TRUST_PROXY)', () => {
    it('trusts only the configured proxy hops: a forged X-Forwarded-For does not escape the limit', async () => {
      // One trusted hop: the proxy appends the real client; whatever the client wrote before is ignored.
      const proxied = await startGateway({ TRUST_PROXY: '1' });
      try {
        const real = clientAddress();
        for (let i = 0; i < 20; i++) {
          // Bad invitation tokens: failed sign-ins that cost no password hash.
          const forged = { 'x-forwarded-for': `${clientAddress()}, ${real}` };
          const result = await proxied.gql(ACCEPT, { token: uniqueToken(), password: 'some-password' }, undefined, forged);
          expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
        }
        expectRateLimited(
          await proxied.gql(LOGIN, { email: 'a@example.org', password: 'some-password' }, undefined, {
            'x-forwarded-for': `${clientAddress()}, ${real}`,
          }),
        );
        expect(await failuresFrom(fx, real)).toBe(20);
      } finally {
        await proxied.close();
      }
    });

    it('with TRUST_PROXY=false, the client is the socket address whatever X-Forwarded-For says', async () => {
      const direct = await startGateway({ TRUST_PROXY: 'false' });
      const email = `direct-${uniqueId()}@example.org`;
      try {
        expect(
          errorCodes(await direct.gql(LOGIN, { email, password: 'some-password' }, undefined, from(clientAddress()))),
        ).toEqual(['UNAUTHENTICATED']);
        const rows = await fx.query<{ client_key: string }>(`SELECT client_key FROM login_failure WHERE email_key = $1`, [email]);
        expect(rows).toEqual([{ client_key: '127.0.0.1' }]);
      } finally {
        // Leave loopback's budget to the other tests.
        await fx.query(`DELETE FROM login_failure WHERE email_key = $1`, [email]);
        await direct.close();
      }
    });
  });
});
