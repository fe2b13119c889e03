import { jest } from '@jest/globals';
import { count, dueSoon, LEAD, LEAD_S, setPolicy, settled, sleep, useReminderStack } from '../support/reminders';
import { waitFor } from '../support/tor-fixtures';
import { ok } from '../support/gateway-harness';
import { useDatabaseOfItsOwn } from '../support/own-database';

// Each test waits for deadlines DUE_IN_MS ahead on a busy machine (see support/reminders).
jest.setTimeout(90_000);

useDatabaseOfItsOwn();

/** Reminders driven by the real work-plan and ballot mutations (their outbox rows), not by fixtures. */
describe('reminders from the work-plans and ballots mutations', () => {
  const { gateway, sink, fx } = useReminderStack({ gateway: true });

  it('addWorkItem / updateWorkItem: DUE and OVERDUE as planned; DONE stops the overdue reminder', async () => {
    const initiative = await fx.initiative();
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    const chair = await fx.person(initiative.id);
    const owner = await fx.person(initiative.id);
    const group = await fx.group(initiative.id);
    await fx.groupRole(group.id, chair.id, 'CHAIR');
    await fx.groupRole(group.id, owner.id, 'MEMBER');
    await setPolicy(gateway.gql, secretariat.token, initiative.id, [LEAD]);
    const { createWorkPlan } = ok(
      await gateway.gql<{ createWorkPlan: { id: string } }>(
        `mutation ($input: CreateWorkPlanInput!) { createWorkPlan(input: $input) { id } }`,
        { input: { workingGroupId: group.id, title: 'Plan', periodStart: '2016-07-01', periodEnd: '2040-06-30' } },
        chair.token,
      ),
    );
    const add = async (title: string, dueAt: Date) =>
      ok(
        await gateway.gql<{ addWorkItem: { id: string; version: number } }>(
          `mutation ($input: AddWorkItemInput!) { addWorkItem(input: $input) { id version } }`,
          { input: { workPlanId: createWorkPlan.id, kind: 'TASK', title, ownerId: owner.id, dueAt: dueAt.toISOString() } },
          chair.token,
        ),
      );
    const due = dueSoon();
    const kept = await add('Kept', due);
    const done = await add('Done', due);
    const itemIds = [kept.addWorkItem.id, done.addWorkItem.id];
    // Marked DONE as soon as both due reminders fired: LEAD_S seconds before the overdue ones would.
    await waitFor(
      async () => (await fx.query(`SELECT 1 FROM notification WHERE subject_id = ANY($1::uuid[])`, [itemIds])).length === 2,
      45_000,
    );
    ok(
      await gateway.gql(
        `mutation ($input: UpdateWorkItemInput!) { updateWorkItem(input: $input) { id } }`,
        { input: { id: done.addWorkItem.id, expectedVersion: done.addWorkItem.version, status: 'DONE', percentComplete: 100 } },
        owner.token,
      ),
    );
    await sink.waitFor(
      () => count(sink.to(owner.email), 'Overdue') === 1 && count(sink.to(chair.email), 'Overdue') === 1,
      45_000,
    );
    await settled(fx, itemIds);
    await sleep(2000);
    expect(
      sink
        .to(owner.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([`Due in ${LEAD_S} seconds: Done`, `Due in ${LEAD_S} seconds: Kept`, 'Overdue: Kept']);
    expect(sink.to(chair.email).map((m) => m.subject)).toEqual(['Overdue: Kept']);
  });

  it('openBallot / castVote: BALLOT_CLOSING reaches exactly the electors who have not voted', async () => {
    const initiative = await fx.initiative();
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    const electors = [await fx.person(initiative.id), await fx.person(initiative.id), await fx.person(initiative.id)];
    await setPolicy(gateway.gql, secretariat.token, initiative.id, [LEAD]);
    const { draftTermsOfReference } = ok(
      await gateway.gql<{ draftTermsOfReference: { id: string } }>(
        `mutation ($input: DraftTermsOfReferenceInput!) { draftTermsOfReference(input: $input) { id } }`,
        { input: { initiativeId: initiative.id, title: 'Terms', body: 'We agree.' } },
        secretariat.token,
      ),
    );
    const { openBallot } = ok(
      await gateway.gql<{ openBallot: { id: string } }>(
        `mutation ($input: OpenBallotInput!) { openBallot(input: $input) { id } }`,
        {
          input: {
            termsOfReferenceId: draftTermsOfReference.id,
            closesAt: dueSoon().toISOString(),
            rule: 'MAJORITY',
            quorum: 0.5,
          },
        },
        secretariat.token,
      ),
    );
    ok(
      await gateway.gql(
        `mutation ($input: CastVoteInput!) { castVote(input: $input) { __typename } }`,
        { input: { ballotId: openBallot.id, position: 'APPROVE' } },
        electors[0].token,
      ),
    );
    await sink.waitFor(() => electors.slice(1).every((e) => count(sink.to(e.email), 'Ballot closing') === 1), 45_000);
    await sink.waitFor(() => electors.every((e) => count(sink.to(e.email), 'Ballot closed') === 1), 45_000);
    await settled(fx, [openBallot.id]);
    await sleep(1500);
    expect(sink.to(electors[0].email).map((m) => m.subject!.split(':')[0])).toEqual(['Ballot opened', 'Ballot closed']);
    for (const e of electors.slice(1)) {
      expect(sink.to(e.email).map((m) => m.subject!.split(':')[0])).toEqual([
        'Ballot opened',
        `Ballot closing in ${LEAD_S} seconds`,
        'Ballot closed',
      ]);
    }
    expect(sink.to(secretariat.email)).toHaveLength(0);
  });
});
