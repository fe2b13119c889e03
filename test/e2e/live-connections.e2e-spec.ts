import WebSocket from 'ws';
import { TokenService } from '@app/identity';
import { useFixtures } from '../support/fixtures';
import { type Json, ok, useGateway } from '../support/gateway-harness';
import { LiveClient, subscribed } from '../support/live-client';
import { community, inSeconds } from '../support/tor-fixtures';

const NOTIFICATION_ADDED = `subscription { notificationAdded { id } }`;
const BALLOT_UPDATED = `subscription ($id: ID!) { ballotUpdated(ballotId: $id) { id votesCast } }`;

/**
 * The WebSocket surface itself: who may connect, how much one account and one connection may
 * hold, the HTTP path's limits applied to subscription documents, and tokens that stop being
 * valid while the socket is open.
 */
describe('live connections (graphql-ws at /graphql)', () => {
  const clients: LiveClient[] = [];

  const gateway = useGateway({
    // Short-lived tokens, checked often: an expired token's subscription ends within the test's patience.
    JWT_EXPIRES_IN: '6s',
    LIVE_TOKEN_CHECK_MS: '200',
    LIVE_MAX_CONNECTIONS_PER_PERSON: '2',
    LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2',
    GRAPHQL_MAX_DEPTH: '6',
    GRAPHQL_MAX_ALIASES: '3',
    GRAPHQL_MAX_COMPLEXITY: '10',
  });
  const fixtures = useFixtures();
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  const client = (token?: string, params?: Record<string, unknown>) => {
    const c = new LiveClient(gateway, token, params);
    clients.push(c);
    return c;
  };

  it('refuses a connection_init without a valid token: 4403, nothing acknowledged', async () => {
    const person = await fixtures.person(null);
    for (const params of [{}, { authorization: 'Bearer not-a-jwt' }, { authorization: person.token }, { token: person.token }]) {
      const anonymous = client(undefined, params);
      let acknowledged = false;
      void anonymous.connected.then(() => (acknowledged = true));
      expect(await anonymous.whenClosed()).toEqual({ code: 4403, reason: 'Forbidden' });
      expect(acknowledged).toBe(false);
    }
    // The same token as a bearer value is accepted, whatever the key's case.
    const signedIn = client(undefined, { Authorization: `Bearer ${person.token}` });
    await signedIn.whenConnected();
  });

  it('ends the subscriptions of a token that expires while connected: 4401', async () => {
    const person = await fixtures.person(null);
    const shortLived = gateway.app.get(TokenService).sign(person.id, 0);
    const live = client(shortLived);
    await live.whenConnected();
    const subscription = await subscribed(gateway, live, NOTIFICATION_ADDED);
    expect(await live.whenClosed()).toEqual({ code: 4401, reason: 'Token expired or revoked' });
    expect(await subscription.errors()).toEqual([{ message: 'Token expired or revoked' }]);
    // The expired token cannot come back.
    expect(await client(shortLived).whenClosed()).toEqual({ code: 4403, reason: 'Forbidden' });
  });

  it('holds at most LIVE_MAX_CONNECTIONS_PER_PERSON connections per account (4429 beyond)', async () => {
    const person = await fixtures.person(null);
    const first = client(person.token);
    const second = client(person.token);
    await Promise.all([first.whenConnected(), second.whenConnected()]);
    expect(await client(person.token).whenClosed()).toEqual({ code: 4429, reason: 'Too many connections for this account' });
    // Somebody else is not affected, and a closed connection frees its place, even one cut without a close frame.
    await client((await fixtures.person(null)).token).whenConnected();
    await first.close();
    const raw = new WebSocket(`${gateway.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${person.token}` } }));
    await new Promise((resolve) => raw.once('message', resolve));
    expect(await client(person.token).whenClosed()).toEqual({ code: 4429, reason: 'Too many connections for this account' });
    raw.terminate();
    // The gateway learns of the cut when its socket closes: a moment later at most.
    let accepted = false;
    for (let attempt = 0; attempt < 20 && !accepted; attempt++) {
      const next = client(person.token);
      accepted = await Promise.race([next.connected.then(() => true), next.closed.then(() => false)]);
    }
    expect(accepted).toBe(true);
  });

  it('holds at most LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION subscriptions per connection', async () => {
    const person = await fixtures.person(null);
    const live = client(person.token);
    await subscribed(gateway, live, NOTIFICATION_ADDED);
    await subscribed(gateway, live, NOTIFICATION_ADDED);
    expect(await live.subscribe(NOTIFICATION_ADDED).errors()).toEqual([
      { message: 'At most 2 subscriptions per connection', extensions: { code: 'FORBIDDEN', reason: 'TOO_MANY_SUBSCRIPTIONS' } },
    ]);
  });

  it('applies the HTTP path’s limits to subscription documents, and serves only subscriptions', async () => {
    const c = await community(fixtures, 1);
    // Arranged with small documents: this gateway's limits are tight.
    const tor = ok(
      await gateway.gql(
        `mutation ($input: DraftTermsOfReferenceInput!) { draftTermsOfReference(input: $input) { id } }`,
        { input: { initiativeId: c.initiative.id, title: 'Terms', body: 'Purpose.' } },
        c.secretariat.token,
      ),
    ).draftTermsOfReference;
    const ballot = ok(
      await gateway.gql(
        `mutation ($input: OpenBallotInput!) { openBallot(input: $input) { id } }`,
        { input: { termsOfReferenceId: tor.id, closesAt: inSeconds(3600), rule: 'MAJORITY', quorum: 0.5 } },
        c.secretariat.token,
      ),
    ).openBallot;
    const live = client(c.members[0].token);
    const refusal = async (query: string, variables: Record<string, unknown> = { id: ballot.id }) =>
      (await live.subscribe<Json>(query, variables).errors(`refusal of ${query} ${JSON.stringify(variables)}`)).map((e) => [
        e.extensions?.code,
        e.extensions?.reason,
      ]);

    const deep = `subscription ($id: ID!) { ballotUpdated(ballotId: $id) { termsOfReference { initiative { workingGroups { chairs { organization { name } } } } } } }`;
    expect(await refusal(deep)).toEqual([['BAD_USER_INPUT', 'QUERY_TOO_DEEP']]);
    const aliased = `subscription ($id: ID!) { ballotUpdated(ballotId: $id) { a: id b: id c: id d: id } }`;
    expect(await refusal(aliased)).toEqual([['BAD_USER_INPUT', 'TOO_MANY_ALIASES']]);
    const costly = `subscription ($id: ID!) { ballotUpdated(ballotId: $id) { id opensAt closesAt rule quorum status electorateSize votesCast participation outcome } }`;
    expect(await refusal(costly)).toEqual([['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX']]);
    expect(await refusal(BALLOT_UPDATED, { id: 'nul\u0000' })).toEqual([['BAD_USER_INPUT', undefined]]);
    expect(await refusal(BALLOT_UPDATED, { id: 42.5 })).toEqual([['BAD_USER_INPUT', undefined]]);
    expect(await refusal(BALLOT_UPDATED, {})).toEqual([['BAD_USER_INPUT', undefined]]);
    expect(await refusal(`subscription { ballotUpdated }`)).toEqual([
      ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
      ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
    ]);
    expect(await refusal(`subscription { nope`)).toEqual([['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED']]);
    expect(await refusal(`{ __typename }`)).toEqual([['BAD_USER_INPUT', 'NOT_A_SUBSCRIPTION']]);
    expect(await refusal(`mutation { markNotificationsRead(ids: []) }`)).toEqual([['BAD_USER_INPUT', 'NOT_A_SUBSCRIPTION']]);

    // The connection survives every refusal and still serves a valid subscription.
    const fine = await subscribed<Json>(gateway, live, BALLOT_UPDATED, { id: ballot.id });
    expect(fine.pending).toBe(0);
  });

  it('closes a socket whose message is larger than BODY_LIMIT (1009), before parsing it', async () => {
    const person = await fixtures.person(null);
    const socket = new WebSocket(`${gateway.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(
      JSON.stringify({
        type: 'connection_init',
        payload: { authorization: `Bearer ${person.token}`, pad: 'x'.repeat(1_100_000) },
      }),
    );
    expect(await closed).toBe(1009);
  });

  it('answers upgrades on other paths with 404, and sockets without the graphql-ws protocol with 4406', async () => {
    const elsewhere = new WebSocket(`${gateway.url.replace(/^http/, 'ws')}/elsewhere`, 'graphql-transport-ws');
    const status = await new Promise<number>((resolve) =>
      elsewhere.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(404);
    // No subprotocol at all (e.g. the retired subscriptions-transport-ws clients send another one).
    const bare = new WebSocket(`${gateway.url.replace(/^http/, 'ws')}/graphql`);
    bare.on('error', () => undefined);
    expect(await new Promise<number>((resolve) => bare.once('close', (code) => resolve(code)))).toBe(4406);
  });
});
