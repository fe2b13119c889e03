import { createHash } from 'node:crypto';
import { count, setPolicy, sleep, type ReminderStack, startReminderStack } from '../support/reminders';

const hex = (s: string) => createHash('sha256').update(s).digest('hex');

describe('ballot notifications (real Redis, worker and SMTP sink)', () => {
  let stack: ReminderStack;
  let gateway: ReminderStack['gateway'];
  let sink: ReminderStack['sink'];
  let fx: ReminderStack['fx'];

  beforeAll(async () => {
    stack = await startReminderStack();
    ({ gateway, sink, fx } = stack);
  });
  afterAll(() => stack?.close());

  /** An OPEN ballot on the initiative's ToR with three MEMBER electors, written as the ballots library does. */
  async function openBallot(closesInMs: number) {
    const initiative = await fx.initiative();
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    const electors = [await fx.person(initiative.id), await fx.person(initiative.id), await fx.person(initiative.id)];
    const observer = await fx.person(initiative.id, 'OBSERVER');
    await setPolicy(gateway.gql, secretariat.token, initiative.id, ['PT2S']);
    const [tor] = await fx.query<{ id: string }>(
      `INSERT INTO terms_of_reference (initiative_id, title) VALUES ($1, 'Terms of reference') RETURNING id`,
      [initiative.id],
    );
    const [version] = await fx.query<{ id: string }>(
      `INSERT INTO tor_version (tor_id, number, body, content_hash, author_id) VALUES ($1, 1, 'Text', $2, $3) RETURNING id`,
      [tor.id, hex('Text'), secretariat.id],
    );
    const [ballot] = await fx.query<{ id: string; closesAt: Date }>(
      `INSERT INTO ballot (tor_id, version_id, opened_by, closes_at, rule, quorum, electorate_size)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4::double precision / 1000), 'MAJORITY', 0.5, 3)
       RETURNING id, closes_at AS "closesAt"`,
      [tor.id, version.id, secretariat.id, closesInMs],
    );
    for (const e of electors)
      await fx.query(`INSERT INTO ballot_elector (ballot_id, person_id) VALUES ($1, $2)`, [ballot.id, e.id]);
    await fx.query(`INSERT INTO outbox_event (topic, subject_id) VALUES ('ballot.opened', $1)`, [ballot.id]);
    return { ballot, electors, observer, secretariat };
  }

  /** A vote as castVote records it (current_vote is written only by cast_vote()). */
  async function vote(ballotId: string, voterId: string) {
    const [cast] = await fx.query<{ inserted: boolean }>(`SELECT inserted FROM cast_vote($1, $2, 'APPROVE', NULL)`, [
      ballotId,
      voterId,
    ]);
    expect(cast).toEqual({ inserted: true });
  }

  it('announces the ballot to the electorate, reminds only non-voters before closing, and reports the outcome', async () => {
    const { ballot, electors, observer, secretariat } = await openBallot(5000);
    await sink.waitFor(() => electors.every((e) => count(sink.to(e.email), 'Ballot opened') === 1), 5000);
    await vote(ballot.id, electors[0].id);

    await sink.waitFor(() => electors.slice(1).every((e) => count(sink.to(e.email), 'Ballot closing') === 1), 8000);
    await sleep(Math.max(0, ballot.closesAt.getTime() - Date.now()));
    expect(count(sink.to(electors[0].email), 'Ballot closing')).toBe(0);

    await fx.query(
      `UPDATE ballot SET state = 'CLOSED', closed_persisted_at = now(), outcome = 'APPROVED', final_approve = 1, final_object = 0,
              final_abstain = 0, chain_head = $2 WHERE id = $1`,
      [ballot.id, hex('head')],
    );
    await fx.query(`INSERT INTO outbox_event (topic, subject_id) VALUES ('ballot.closed', $1)`, [ballot.id]);
    await sink.waitFor(() => electors.every((e) => count(sink.to(e.email), 'Ballot closed') === 1), 5000);
    await sleep(1500);

    expect(sink.to(electors[0].email).map((m) => m.subject!.split(':')[0])).toEqual(['Ballot opened', 'Ballot closed']);
    for (const e of electors.slice(1)) {
      expect(sink.to(e.email).map((m) => m.subject!.split(':')[0])).toEqual([
        'Ballot opened',
        'Ballot closing in 2 seconds',
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
    const { ballot, electors } = await openBallot(4000);
    await sink.waitFor(() => electors.every((e) => count(sink.to(e.email), 'Ballot opened') === 1), 5000);
    await fx.query(`UPDATE ballot SET state = 'CANCELLED', cancelled_at = now(), cancel_reason = 'test' WHERE id = $1`, [
      ballot.id,
    ]);
    await fx.query(`INSERT INTO outbox_event (topic, subject_id) VALUES ('ballot.cancelled', $1)`, [ballot.id]);
    await sleep(Math.max(0, ballot.closesAt.getTime() - Date.now()) + 1500);
    for (const e of electors) expect(sink.to(e.email)).toHaveLength(1);
  });
});
