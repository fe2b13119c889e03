import type { INestApplicationContext } from '@nestjs/common';
import { subscribed, useReplicas } from '../support/live-client';
import { startWorker } from '../support/reminders';
import { BALLOT, castVote, community, draftTor, expire, openBallot } from '../support/tor-fixtures';
import { type Json, ok } from '../support/gateway-harness';
import { useDatabaseOfItsOwn } from '../support/own-database';

/** What a ballot page shows live: participation for everyone, the tally for those who may see it. */
const BALLOT_UPDATED = `subscription ($id: ID!) {
  ballotUpdated(ballotId: $id) {
    id status votesCast participation electorateSize outcome chainHead eligibleToVote
    tally { approve object abstain notVoted }
    myVote { position revision voter { id } }
    termsOfReference { id status }
  }
}`;

/**
 * ballotUpdated across two gateway replicas over one PostgreSQL: whichever replica (or worker)
 * changes a ballot, a subscriber on the other one receives it, resolved as itself.
 */
useDatabaseOfItsOwn();

describe('live ballots (Subscription.ballotUpdated)', () => {
  const replicas = useReplicas();
  const { client } = replicas;

  /** An initiative's terms of reference under ballot: 3 MEMBER electors, an observer, a secretariat. */
  async function ballotScene() {
    const { a, fixtures } = replicas;
    const c = await community(fixtures, 3);
    const tor = await draftTor(a, c.secretariat.token, c.initiative.id);
    const ballot = await openBallot(a, c.secretariat.token, tor.id, { rule: 'MAJORITY', quorum: 0.5 });
    return { ...c, tor, ballotId: ballot.id as string };
  }

  it('a vote cast on replica A reaches subscribers on replica B, each resolved as themselves', async () => {
    const { a, b } = replicas;
    const s = await ballotScene();
    const [voter, other] = s.members;
    const asObserver = await subscribed<Json>(b, client(b, s.observer.token), BALLOT_UPDATED, { id: s.ballotId });
    const asSecretariat = await subscribed<Json>(b, client(b, s.secretariat.token), BALLOT_UPDATED, { id: s.ballotId });
    const asVoter = await subscribed<Json>(b, client(b, voter.token), BALLOT_UPDATED, { id: s.ballotId });
    const asOther = await subscribed<Json>(a, client(a, other.token), BALLOT_UPDATED, { id: s.ballotId });

    expect((await castVote(a, voter.token, s.ballotId, 'APPROVE')).errors).toBeUndefined();

    const shared = {
      id: s.ballotId,
      status: 'OPEN',
      votesCast: 1,
      participation: 1 / 3,
      electorateSize: 3,
      outcome: null,
      chainHead: null,
      termsOfReference: { id: s.tor.id, status: 'UNDER_BALLOT' },
    };
    expect(await asObserver.next()).toEqual({
      ballotUpdated: { ...shared, eligibleToVote: false, tally: null, myVote: null },
    });
    expect(await asSecretariat.next()).toEqual({
      ballotUpdated: {
        ...shared,
        eligibleToVote: false,
        tally: { approve: 1, object: 0, abstain: 0, notVoted: 2 },
        myVote: null,
      },
    });
    expect(await asVoter.next()).toEqual({
      ballotUpdated: {
        ...shared,
        eligibleToVote: true,
        tally: null,
        myVote: { position: 'APPROVE', revision: 1, voter: { id: voter.id } },
      },
    });
    expect(await asOther.next()).toEqual({ ballotUpdated: { ...shared, eligibleToVote: true, tally: null, myVote: null } });

    // The next vote, through replica B this time, reaches all four again.
    expect((await castVote(b, other.token, s.ballotId, 'ABSTAIN')).errors).toBeUndefined();
    for (const subscription of [asObserver, asSecretariat, asVoter]) {
      expect((await subscription.next()).ballotUpdated).toMatchObject({ votesCast: 2, participation: 2 / 3 });
    }
    expect((await asOther.next()).ballotUpdated).toMatchObject({
      votesCast: 2,
      myVote: { position: 'ABSTAIN', revision: 1, voter: { id: other.id } },
    });
  });

  it('closeBallot and cancelBallot each deliver the ballot in its new state', async () => {
    const { a, b, fixtures } = replicas;
    const closing = await ballotScene();
    const watcher = await subscribed<Json>(b, client(b, closing.observer.token), BALLOT_UPDATED, { id: closing.ballotId });
    for (const [n, member] of closing.members.slice(0, 2).entries()) {
      expect((await castVote(a, member.token, closing.ballotId, 'APPROVE')).errors).toBeUndefined();
      expect((await watcher.next()).ballotUpdated).toMatchObject({ votesCast: n + 1, tally: null });
    }
    ok(
      await a.gql(
        `mutation ($id: ID!) { closeBallot(ballotId: $id) { status } }`,
        { id: closing.ballotId },
        closing.secretariat.token,
      ),
    );
    const [{ chain_head: head }] = await fixtures.query<{ chain_head: string }>(`SELECT chain_head FROM ballot WHERE id = $1`, [
      closing.ballotId,
    ]);
    expect(await watcher.next()).toEqual({
      ballotUpdated: {
        id: closing.ballotId,
        status: 'CLOSED',
        votesCast: 2,
        participation: 2 / 3,
        electorateSize: 3,
        outcome: 'APPROVED',
        chainHead: head,
        eligibleToVote: false,
        tally: { approve: 2, object: 0, abstain: 0, notVoted: 1 },
        myVote: null,
        termsOfReference: { id: closing.tor.id, status: 'APPROVED' },
      },
    });

    const cancelling = await ballotScene();
    const member = await subscribed<Json>(b, client(b, cancelling.members[1].token), BALLOT_UPDATED, { id: cancelling.ballotId });
    ok(
      await a.gql(
        `mutation ($id: ID!) { cancelBallot(ballotId: $id, reason: "Withdrawn") { status } }`,
        { id: cancelling.ballotId },
        cancelling.secretariat.token,
      ),
    );
    expect(await member.next()).toEqual({
      ballotUpdated: {
        id: cancelling.ballotId,
        status: 'CANCELLED',
        votesCast: 0,
        participation: 0,
        electorateSize: 3,
        outcome: null,
        chainHead: null,
        eligibleToVote: true,
        tally: null,
        myVote: null,
        termsOfReference: { id: cancelling.tor.id, status: 'DRAFT' },
      },
    });
  });

  it('the close job in the worker delivers the persisted close', async () => {
    const { a, b, fixtures } = replicas;
    const s = await ballotScene();
    const watcher = await subscribed<Json>(b, client(b, s.members[2].token), BALLOT_UPDATED, { id: s.ballotId });
    // Time passes (closesAt moves into the past): the ballot now reads CLOSED, computed.
    await expire(fixtures, s.ballotId);
    const computed = (await watcher.next()).ballotUpdated;
    expect(computed).toMatchObject({ status: 'CLOSED', outcome: 'NO_QUORUM', votesCast: 0 });
    expect(await fixtures.query(`SELECT state FROM ballot WHERE id = $1`, [s.ballotId])).toEqual([{ state: 'OPEN' }]);

    // A worker starting now plans the close of every OPEN ballot; its job persists the outcome.
    let worker: INestApplicationContext | null = null;
    try {
      worker = await startWorker({ QUEUE_PREFIX: a.config.QUEUE_PREFIX });
      expect(await watcher.next('the close job')).toEqual({ ballotUpdated: computed });
      expect(await fixtures.query(`SELECT state, outcome FROM ballot WHERE id = $1`, [s.ballotId])).toEqual([
        { state: 'CLOSED', outcome: 'NO_QUORUM' },
      ]);
    } finally {
      await worker?.close();
    }
  });

  it('a burst of votes from both replicas ends on the exact final state, in no more events than votes', async () => {
    const { a, b, fixtures } = replicas;
    const c = await community(fixtures, 12);
    const tor = await draftTor(a, c.secretariat.token, c.initiative.id);
    const ballot = await openBallot(a, c.secretariat.token, tor.id);
    const watcher = await subscribed<Json>(b, client(b, c.secretariat.token), BALLOT_UPDATED, { id: ballot.id });
    const votes = await Promise.all(
      c.members.map((m, i) => castVote(i % 2 ? a : b, m.token, ballot.id, i < 8 ? 'APPROVE' : 'OBJECT', i < 8 ? null : 'No')),
    );
    expect(votes.flatMap((v) => v.errors ?? [])).toEqual([]);
    // Each event is the ballot as read when delivered: it may already hold later votes (and the
    // event of those votes then repeats it), but it never goes back, and it ends on all twelve.
    ok(await a.gql(`mutation ($id: ID!) { closeBallot(ballotId: $id) { status } }`, { id: ballot.id }, c.secretariat.token));
    const seen: Json[] = [];
    while (seen.at(-1)?.status !== 'CLOSED') seen.push((await watcher.next(`event ${seen.length + 1}`)).ballotUpdated);
    const counts = seen.map((e) => e.votesCast);
    expect(counts).toEqual([...counts].sort((x, y) => x - y));
    expect(seen.length).toBeLessThanOrEqual(13);
    expect(seen.at(-1)).toMatchObject({
      status: 'CLOSED',
      votesCast: 12,
      outcome: 'APPROVED',
      tally: { approve: 8, object: 4, abstain: 0, notVoted: 0 },
    });
  });

  it('ends the subscription with NOT_FOUND at the next event once the subscriber has left the initiative', async () => {
    const { a, b, fixtures } = replicas;
    const s = await ballotScene();
    const live = client(b, s.observer.token);
    const leaving = await subscribed<Json>(b, live, BALLOT_UPDATED, { id: s.ballotId });
    const staying = await subscribed<Json>(b, live, `subscription { notificationAdded { id } }`);
    await fixtures.query(`DELETE FROM initiative_member WHERE initiative_id = $1 AND person_id = $2`, [
      s.initiative.id,
      s.observer.id,
    ]);
    expect((await castVote(a, s.members[0].token, s.ballotId, 'APPROVE')).errors).toBeUndefined();
    expect(await leaving.errors()).toEqual([{ message: `Ballot ${s.ballotId} not found`, extensions: { code: 'NOT_FOUND' } }]);
    // The connection and its other subscriptions carry on.
    expect(staying.pending).toBe(0);
    await fixtures.query(
      `INSERT INTO notification (person_id, kind, subject_id, title, body) VALUES ($1, 'WORK_ITEM_DUE', gen_random_uuid(), 'Still here', 'Body')`,
      [s.observer.id],
    );
    expect((await staying.next()).notificationAdded.id).toEqual(expect.any(String));
  });

  it('refuses a ballot the caller may not see exactly as Query.ballot does', async () => {
    const { a, b } = replicas;
    const s = await ballotScene();
    const asked = await a.gql(BALLOT, { id: s.ballotId }, s.outsider.token);
    expect(asked.data).toEqual({ ballot: null });
    expect(asked.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);

    const outsider = client(b, s.outsider.token);
    const refused = outsider.subscribe(BALLOT_UPDATED, { id: s.ballotId });
    expect(await refused.errors()).toEqual([
      {
        message: `Ballot ${s.ballotId} not found`,
        locations: [{ line: 2, column: 3 }],
        path: ['ballotUpdated'],
        extensions: { code: 'NOT_FOUND' },
      },
    ]);
    const garbage = outsider.subscribe(BALLOT_UPDATED, { id: 'not-a-ballot' });
    expect((await garbage.errors()).map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
