import type { INestApplicationContext } from '@nestjs/common';
import { useFixtures } from '../support/fixtures';
import { type GatewayUnderTest, useGateway } from '../support/gateway-harness';
import { count, dueSoon, LEAD, planned, setPolicy, settled, sleep, startWorker, workItemScene } from '../support/reminders';
import { SmtpSink } from '../support/smtp-sink';
import { uniqueId } from '../support/test-config';
import { reportSecurityFigure } from '../support/security-report';
import { useDatabaseOfItsOwn } from '../support/own-database';

const DRAFT = `mutation ($input: DraftTermsOfReferenceInput!) { draftTermsOfReference(input: $input) { id } }`;
const OPEN = `mutation ($input: OpenBallotInput!) { openBallot(input: $input) { id } }`;
const CAST = `mutation ($input: CastVoteInput!) { castVote(input: $input) { vote { revision } } }`;
const CLOSE = `mutation ($id: ID!) { closeBallot(ballotId: $id) { status outcome votesCast tally { approve object abstain notVoted } } }`;
const ADD_ITEM = `mutation ($input: AddWorkItemInput!) { addWorkItem(input: $input) { id version } }`;
const UPDATE_ITEM = `mutation ($input: UpdateWorkItemInput!) { updateWorkItem(input: $input) { version dueAt } }`;

/**
 * Two gateways and two workers over one PostgreSQL and one Redis, as in a scaled-out
 * deployment: votes and work-item changes spread over both gateways give exact tallies, and
 * every reminder goes out once.
 */
useDatabaseOfItsOwn();

describe('fault: two gateways and two workers', () => {
  const sink = new SmtpSink();
  beforeAll(() => sink.start());
  const replicaA = useGateway(() => ({ SMTP_URL: sink.url }));
  const replicaB = useGateway(() => ({ SMTP_URL: sink.url, QUEUE_PREFIX: replicaA.config.QUEUE_PREFIX }));
  const gateways = [replicaA, replicaB];
  const fx = useFixtures();
  let workers: INestApplicationContext[] = [];
  beforeAll(async () => {
    const env = { QUEUE_PREFIX: replicaA.config.QUEUE_PREFIX, SMTP_URL: sink.url };
    workers = [await startWorker(env), await startWorker(env)];
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await sink.stop();
  });

  it('counts votes cast through both gateways exactly', async () => {
    const [a, b] = gateways;
    const initiative = await fx.initiative();
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    const group = await fx.group(initiative.id);
    const chair = await fx.person(initiative.id, 'MEMBER');
    await fx.groupRole(group.id, chair.id, 'CHAIR');
    const electors = [chair];
    for (let i = 0; i < 39; i += 1) {
      const member = await fx.person(initiative.id, 'MEMBER');
      await fx.groupRole(group.id, member.id, 'MEMBER');
      electors.push(member);
    }
    const tor = await a.gql<{ draftTermsOfReference: { id: string } }>(
      DRAFT,
      { input: { initiativeId: initiative.id, workingGroupId: group.id, title: 'ToR', body: `Text ${uniqueId()}` } },
      chair.token,
    );
    const ballot = await b.gql<{ openBallot: { id: string } }>(
      OPEN,
      {
        input: {
          termsOfReferenceId: tor.data?.draftTermsOfReference.id,
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
          rule: 'MAJORITY',
          quorum: 0.5,
        },
      },
      secretariat.token,
    );
    const ballotId = ballot.data?.openBallot.id;
    expect(ballotId).toBeDefined();

    // Everyone votes OBJECT through one gateway, then 30 change to APPROVE through the other, at once.
    const vote = (g: GatewayUnderTest, token: string, position: string) =>
      g.gql(CAST, { input: { ballotId, position, comment: position === 'OBJECT' ? 'Not yet' : undefined } }, token);
    const first = await Promise.all(electors.map((e, i) => vote(gateways[i % 2], e.token, 'OBJECT')));
    expect(first.filter((r) => r.errors)).toEqual([]);
    const second = await Promise.all(electors.slice(0, 30).map((e, i) => vote(gateways[(i + 1) % 2], e.token, 'APPROVE')));
    expect(second.filter((r) => r.errors)).toEqual([]);

    const closed = await a.gql<{
      closeBallot: { status: string; outcome: string; votesCast: number; tally: Record<string, number> };
    }>(CLOSE, { id: ballotId }, secretariat.token);
    expect(closed.data?.closeBallot).toEqual({
      status: 'CLOSED',
      outcome: 'APPROVED',
      votesCast: 40,
      tally: { approve: 30, object: 10, abstain: 0, notVoted: 0 },
    });
    const [{ records }] = await fx.query<{ records: number }>(
      `SELECT count(*)::int AS records FROM vote_record WHERE ballot_id = $1`,
      [ballotId],
    );
    expect(records).toBe(70);
  });

  it('sends each reminder once while items change through both gateways', async () => {
    const [a] = gateways;
    const scenes = [await workItemScene(fx), await workItemScene(fx)];
    for (const s of scenes) await setPolicy(a.gql, s.secretariat.token, s.initiativeId, [LEAD]);
    const items: { id: string; version: number }[] = [];
    for (const [i, s] of scenes.entries()) {
      const added = await gateways[i % 2].gql<{ addWorkItem: { id: string; version: number } }>(
        ADD_ITEM,
        {
          input: {
            workPlanId: s.planId,
            kind: 'TASK',
            title: 'Spread',
            ownerId: s.owner.id,
            dueAt: new Date(Date.now() + 60_000).toISOString(),
          },
        },
        s.chair.token,
      );
      expect(added.errors).toBeUndefined();
      items.push(added.data!.addWorkItem);
    }
    await planned(
      fx,
      items.map((i) => i.id),
    );
    // Each deadline is moved through the other gateway: reminders only for the new one.
    for (const [i, s] of scenes.entries()) {
      const moved = await gateways[(i + 1) % 2].gql(
        UPDATE_ITEM,
        { input: { id: items[i].id, expectedVersion: items[i].version, dueAt: dueSoon().toISOString() } },
        s.chair.token,
      );
      expect(moved.errors).toBeUndefined();
    }
    const arrived = () => scenes.every((s) => sink.to(s.owner.email).length >= 2 && sink.to(s.chair.email).length >= 1);
    await sink.waitFor(arrived, 45_000);
    await settled(
      fx,
      items.map((i) => i.id),
    );
    await sleep(2500);
    for (const s of scenes) {
      expect([count(sink.to(s.owner.email), 'Due in'), count(sink.to(s.owner.email), 'Overdue')]).toEqual([1, 1]);
      expect(sink.to(s.owner.email)).toHaveLength(2);
      expect(sink.to(s.chair.email)).toHaveLength(1);
    }
    reportSecurityFigure(
      `fault two-replicas: 2 gateways, 2 workers, 70 votes, 2 items moved, ${sink.messages.length} e-mails (ballot notices included), 0 duplicate reminders`,
    );
  }, 90_000);
});
