import { createHash } from 'node:crypto';
import { type OutboxTopic, TOPICS } from '@app/platform';
import { useDatabaseOfItsOwn } from '../support/own-database';
import {
  count,
  DUE_IN_MS,
  LEAD_MS,
  LEAD_S,
  pendingReminders,
  planned,
  reminderPolicy,
  settled,
  useReminderStack,
} from '../support/reminders';
import { storedBallot, waitFor } from '../support/tor-fixtures';

const hex = (s: string) => createHash('sha256').update(s).digest('hex');

useDatabaseOfItsOwn();

describe('ballot notifications (real Redis, worker and SMTP sink)', () => {
  const { sink, fx } = useReminderStack();

  /**
   * An OPEN ballot on the initiative's ToR with three MEMBER electors, closing DUE_IN_MS from now,
   * written as the ballots library does; the worker hears of it with `announce`.
   */
  async function openBallot() {
    const initiative = await fx.initiative();
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    const electors = [await fx.person(initiative.id), await fx.person(initiative.id), await fx.person(initiative.id)];
    const observer = await fx.person(initiative.id, 'OBSERVER');
    await reminderPolicy(fx, initiative.id, [LEAD_MS]);
    const ballot = await storedBallot(fx, {
      initiativeId: initiative.id,
      openedBy: secretariat.id,
      electorIds: electors.map((e) => e.id),
      closesInMs: DUE_IN_MS,
    });
    return { ballot, electors, observer, secretariat };
  }

  const announce = (topic: OutboxTopic, ballotId: string) =>
    fx.query(`INSERT INTO outbox_event (topic, subject_id) VALUES ($1, $2)`, [topic, ballotId]);

  /** A vote as castVote records it (current_vote is written only by cast_vote()). */
  async function vote(ballotId: string, voterId: string) {
    const [cast] = await fx.query<{ inserted: boolean }>(`SELECT inserted FROM cast_vote($1, $2, 'APPROVE', NULL)`, [
      ballotId,
      voterId,
    ]);
    expect(cast).toEqual({ inserted: true });
  }

  const kindsOf = async (ballotId: string, personId: string) =>
    (
      await fx.query<{ kind: string }>(
        `SELECT kind FROM notification WHERE subject_id = $1 AND person_id = $2 ORDER BY created_at`,
        [ballotId, personId],
      )
    ).map((r) => r.kind);

  it('announces the ballot to the electorate, reminds only non-voters before closing, and reports the outcome', async () => {
    const { ballot, electors, observer, secretariat } = await openBallot();
    // The closing reminder reads who has voted when it fires; this vote is in before the worker
    // even hears of the ballot, so it precedes the reminder whatever the load.
    await vote(ballot.id, electors[0].id);
    await announce(TOPICS.ballotOpened, ballot.id);

    await sink.waitFor(() => electors.slice(1).every((e) => count(sink.to(e.email), 'Ballot closing') === 1), 45_000);
    // Opened and closing reminders fired and e-mailed: nothing of this ballot is left to send.
    await settled(fx, [ballot.id]);
    expect(await kindsOf(ballot.id, electors[0].id)).toEqual(['BALLOT_OPENED']);
    expect(count(sink.to(electors[0].email), 'Ballot closing')).toBe(0);

    await fx.query(
      `UPDATE ballot SET state = 'CLOSED', closed_persisted_at = now(), outcome = 'APPROVED', final_approve = 1, final_object = 0,
              final_abstain = 0, chain_head = $2 WHERE id = $1`,
      [ballot.id, hex('head')],
    );
    await announce(TOPICS.ballotClosed, ballot.id);
    await settled(fx, [ballot.id]);
    await sink.waitFor(() => electors.every((e) => count(sink.to(e.email), 'Ballot closed') === 1), 10_000);

    expect(sink.to(electors[0].email).map((m) => m.subject!.split(':')[0])).toEqual(['Ballot opened', 'Ballot closed']);
    for (const e of electors.slice(1)) {
      expect(sink.to(e.email).map((m) => m.subject!.split(':')[0])).toEqual([
        'Ballot opened',
        `Ballot closing in ${LEAD_S} seconds`,
        'Ballot closed',
      ]);
    }
    const closed = sink.to(electors[1].email).find((m) => m.subject!.startsWith('Ballot closed'))!;
    expect(closed.subject).toContain('(APPROVED)');
    expect(closed.text).toContain('Outcome: APPROVED');
    expect(sink.to(observer.email)).toHaveLength(0);
    expect(sink.to(secretariat.email)).toHaveLength(0);
  });

  it('sends nothing further for a cancelled ballot', async () => {
    const { ballot, electors } = await openBallot();
    await announce(TOPICS.ballotOpened, ballot.id);
    await planned(fx, [ballot.id]);
    // The opened notices exist once their reminder fired; the closing one is LEAD_S s before closesAt.
    await waitFor(
      async () =>
        (await fx.query(`SELECT 1 FROM notification WHERE subject_id = $1 AND kind = 'BALLOT_OPENED'`, [ballot.id])).length === 3,
    );
    expect(await pendingReminders(fx, [ballot.id])).toBe(1);

    await fx.query(`UPDATE ballot SET state = 'CANCELLED', cancelled_at = now(), cancel_reason = 'test' WHERE id = $1`, [
      ballot.id,
    ]);
    await announce(TOPICS.ballotCancelled, ballot.id);
    // The closing reminder is removed, not sent: nothing is left to fire.
    await settled(fx, [ballot.id]);
    await sink.waitFor(() => electors.every((e) => sink.to(e.email).length === 1), 10_000);
    for (const e of electors) {
      expect(sink.to(e.email).map((m) => m.subject!.split(':')[0])).toEqual(['Ballot opened']);
      expect(await kindsOf(ballot.id, e.id)).toEqual(['BALLOT_OPENED']);
    }
  });
});
