import { useFixtures } from '../support/fixtures';
import { errorCodes, postGraphQL, useGateway } from '../support/gateway-harness';
import { CHANGE_PASSWORD, clientAddress, from, LOGIN, ME, setPassword, SIGN_OUT_EVERYWHERE } from '../support/sign-in';
import { uniqueId } from '../support/test-config';
import { LiveClient, subscribed } from '../support/live-client';

const PASSWORD = 'my-first-password';

/**
 * Ending sessions (audit finding 12): changeMyPassword and signOutEverywhere end the caller's
 * earlier tokens on the very next request, on the gateway that served the change and on another
 * replica, although both gateways had already verified (and remembered) those tokens.
 */
describe('sessions: changeMyPassword and signOutEverywhere', () => {
  let initiative: { id: string };

  const a = useGateway();
  const b = useGateway();
  const fx = useFixtures();
  beforeAll(async () => {
    initiative = await fx.initiative();
  });

  /** A person with a password and three tokens: a fixture one and one login on each gateway. */
  async function signedIn() {
    const person = await fx.person(initiative.id, 'MEMBER', { email: `s-${uniqueId()}@example.org` });
    await setPassword(fx, person.id, PASSWORD);
    const tokens = [person.token];
    for (const gateway of [a, b]) {
      const result = await gateway.gql<{ login: { accessToken: string } }>(
        LOGIN,
        { email: person.email, password: PASSWORD },
        undefined,
        from(clientAddress()),
      );
      expect(result.errors).toBeUndefined();
      tokens.push(result.data!.login.accessToken);
    }
    // Every token has been verified (and is remembered) by both gateways.
    for (const token of tokens) for (const gateway of [a, b]) expect((await gateway.gql(ME, {}, token)).errors).toBeUndefined();
    return { ...person, tokens };
  }

  /** The error codes of `me` with each token: straight away on `a`, and on `b` once it heard the change. */
  async function meWith(tokens: string[]): Promise<string[][]> {
    const codes: string[][] = [];
    for (const token of tokens) codes.push(errorCodes(await postGraphQL(a.url, ME, {}, token)));
    for (const token of tokens) codes.push(errorCodes(await b.gql(ME, {}, token)));
    return codes;
  }

  describe('changeMyPassword', () => {
    it('ends every other token of the caller on both gateways; the new one works; the new password signs in', async () => {
      const person = await signedIn();
      const changed = await a.gql<{ changeMyPassword: { accessToken: string; person: { id: string } } }>(
        CHANGE_PASSWORD,
        { current: PASSWORD, next: 'my-second-password' },
        person.tokens[1],
        from(clientAddress()),
      );
      expect(changed.errors).toBeUndefined();
      expect(changed.data!.changeMyPassword.person.id).toBe(person.id);
      const fresh = changed.data!.changeMyPassword.accessToken;
      expect(await meWith(person.tokens)).toEqual(Array(6).fill(['UNAUTHENTICATED']));
      expect(await meWith([fresh])).toEqual([[], []]);
      const address = clientAddress();
      expect(errorCodes(await a.gql(LOGIN, { email: person.email, password: PASSWORD }, undefined, from(address)))).toEqual([
        'UNAUTHENTICATED',
      ]);
      expect(
        (await b.gql(LOGIN, { email: person.email, password: 'my-second-password' }, undefined, from(address))).errors,
      ).toBeUndefined();
    });

    it('is UNAUTHENTICATED for a wrong current password, BAD_USER_INPUT for a short new one; neither changes anything', async () => {
      const person = await signedIn();
      const [hashBefore] = await fx.query(`SELECT password_hash FROM person WHERE id = $1`, [person.id]);
      const wrong = await a.gql(
        CHANGE_PASSWORD,
        { current: 'not-the-password', next: 'my-second-password' },
        person.tokens[0],
        from(clientAddress()),
      );
      expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
      const short = await a.gql(CHANGE_PASSWORD, { current: PASSWORD, next: 'short' }, person.tokens[0], from(clientAddress()));
      expect(errorCodes(short)).toEqual(['BAD_USER_INPUT']);
      expect(short.errors![0].extensions.fields).toEqual([{ field: 'newPassword', message: expect.any(String) }]);
      expect(await fx.query(`SELECT password_hash FROM person WHERE id = $1`, [person.id])).toEqual([hashBefore]);
      expect(await meWith(person.tokens)).toEqual(Array(6).fill([]));
      expect(errorCodes(await a.gql(CHANGE_PASSWORD, { current: PASSWORD, next: 'my-second-password' }))).toEqual([
        'UNAUTHENTICATED',
      ]);
    });

    it('two concurrent changes of one password: one wins, the other is refused, and only the winner signs in', async () => {
      const person = await signedIn();
      const results = await Promise.all(
        ['winner-one-password', 'winner-two-password'].map((next, i) =>
          (i ? b : a).gql<{ changeMyPassword: { accessToken: string } }>(
            CHANGE_PASSWORD,
            { current: PASSWORD, next },
            person.tokens[0],
            from(clientAddress()),
          ),
        ),
      );
      const won = results.filter((r) => !r.errors);
      expect(won).toHaveLength(1);
      const lost = results.find((r) => r.errors)!;
      expect(['CONFLICT', 'UNAUTHENTICATED']).toContain(errorCodes(lost)[0]);
      const winner = results[0].errors ? 'winner-two-password' : 'winner-one-password';
      const loser = winner === 'winner-one-password' ? 'winner-two-password' : 'winner-one-password';
      const address = clientAddress();
      expect((await a.gql(LOGIN, { email: person.email, password: winner }, undefined, from(address))).errors).toBeUndefined();
      expect(errorCodes(await a.gql(LOGIN, { email: person.email, password: loser }, undefined, from(address)))).toEqual([
        'UNAUTHENTICATED',
      ]);
      expect(await meWith([won[0].data!.changeMyPassword.accessToken])).toEqual([[], []]);
    });
  });

  describe('signOutEverywhere', () => {
    it('ends every token of the caller, this one included, on both gateways; signing in again works', async () => {
      const person = await signedIn();
      const other = await signedIn();
      const result = await b.gql(SIGN_OUT_EVERYWHERE, {}, person.tokens[2]);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ signOutEverywhere: true });
      expect(errorCodes(await postGraphQL(b.url, ME, {}, person.tokens[2]))).toEqual(['UNAUTHENTICATED']);
      expect(await meWith(person.tokens)).toEqual(Array(6).fill(['UNAUTHENTICATED']));
      // Nobody else is signed out.
      expect(await meWith(other.tokens)).toEqual(Array(6).fill([]));
      const again = await a.gql<{ login: { accessToken: string } }>(
        LOGIN,
        { email: person.email, password: PASSWORD },
        undefined,
        from(clientAddress()),
      );
      expect(again.errors).toBeUndefined();
      expect(await meWith([again.data!.login.accessToken])).toEqual([[], []]);
      expect(errorCodes(await a.gql(SIGN_OUT_EVERYWHERE))).toEqual(['UNAUTHENTICATED']);
    });

    it("ends an open subscription of the caller on the other gateway (4401), not anybody else's", async () => {
      const person = await signedIn();
      const other = await signedIn();
      const live = new LiveClient(b, person.tokens[2]);
      const bystander = new LiveClient(b, other.tokens[2]);
      try {
        await Promise.all([live.whenConnected(), bystander.whenConnected()]);
        const subscription = await subscribed(b, live, `subscription { notificationAdded { id } }`);
        await subscribed(b, bystander, `subscription { notificationAdded { id } }`);
        expect((await a.gql(SIGN_OUT_EVERYWHERE, {}, person.tokens[1])).errors).toBeUndefined();
        expect(await live.whenClosed()).toEqual({ code: 4401, reason: 'Token expired or revoked' });
        expect(await subscription.errors()).toEqual([{ message: 'Token expired or revoked' }]);
        // The bystander's connection is still open and answers.
        expect(await Promise.race([bystander.whenClosed(), b.settle().then(() => 'open')])).toBe('open');
      } finally {
        await Promise.all([live.close(), bystander.close()]);
      }
    });

    it('a token signed before a sign-out stays refused after later sign-ins and sign-outs', async () => {
      const person = await signedIn();
      expect((await a.gql(SIGN_OUT_EVERYWHERE, {}, person.tokens[1])).errors).toBeUndefined();
      const second = await a.gql<{ login: { accessToken: string } }>(
        LOGIN,
        { email: person.email, password: PASSWORD },
        undefined,
        from(clientAddress()),
      );
      const token = second.data!.login.accessToken;
      expect((await b.gql(SIGN_OUT_EVERYWHERE, {}, token)).errors).toBeUndefined();
      expect(await meWith([...person.tokens, token])).toEqual(Array(8).fill(['UNAUTHENTICATED']));
    });
  });
});
