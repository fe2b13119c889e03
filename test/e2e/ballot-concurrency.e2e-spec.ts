import { useFixtures } from '../support/fixtures';
import { errorCodes, ok, useGateway } from '../support/gateway-harness';
import { uniqueId } from '../support/test-config';
import { BALLOT, castVote, CLOSE, draftTor, inSeconds, openBallot, type Person, VERIFY } from '../support/tor-fixtures';

describe('ballot concurrency', () => {
  const gateway = useGateway();
  const fixtures = useFixtures();

  /** An initiative with a secretariat and `n` MEMBERs, created in three statements. */
  async function electorate(n: number) {
    const initiative = await fixtures.initiative();
    const secretariat = await fixtures.person(initiative.id, 'SECRETARIAT');
    const tag = uniqueId();
    const rows = await fixtures.query<{ id: string; email: string }>(
      `INSERT INTO person (name, email) SELECT 'Elector ' || i, 'e' || i || '-${tag}@example.org' FROM generate_series(1, $1) i RETURNING id, email`,
      [n],
    );
    await fixtures.query(
      `INSERT INTO initiative_member (initiative_id, person_id, role) SELECT $1, unnest($2::uuid[]), 'MEMBER'`,
      [initiative.id, rows.map((r) => r.id)],
    );
    const members: Person[] = rows.map((r) => ({ ...r, token: fixtures.token(r.id) }));
    return { initiative, secretariat, members };
  }

  async function chainIsLinear(ballotId: string, lastReceipt: string) {
    const records = await fixtures.query<{ seq: number; prev_hash: string; hash: string }>(
      `SELECT seq, prev_hash, hash FROM vote_record WHERE ballot_id = $1 ORDER BY seq`,
      [ballotId],
    );
    records.forEach((r, i) => {
      expect(r.seq).toBe(i + 1);
      if (i > 0) expect(r.prev_hash).toBe(records[i - 1].hash);
    });
    const check = ok(
      await gateway.gql(
        VERIFY,
        { ballotId, receipt: lastReceipt },
        fixtures.token(
          (await fixtures.query<{ opened_by: string }>(`SELECT opened_by FROM ballot WHERE id = $1`, [ballotId]))[0].opened_by,
        ),
      ),
    ).verifyBallotReceipt;
    expect(check.valid).toBe(true);
    return records;
  }

  it('50 concurrent votes by one elector give revisions 1..50, one current vote and a chain that verifies', async () => {
    const c = await electorate(2);
    const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
    const ballot = await openBallot(gateway, c.secretariat.token, tor.id);
    const [voter] = c.members;
    const positions = ['APPROVE', 'OBJECT', 'ABSTAIN'];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => castVote(gateway, voter.token, ballot.id, positions[i % 3], `comment ${i}`)),
    );
    expect(results.flatMap(errorCodes)).toEqual([]);
    const revisions = results.map((r) => ok(r).castVote.vote.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

    const stored = await fixtures.query<{ revision: number }>(
      `SELECT revision FROM vote_record WHERE ballot_id = $1 AND voter_id = $2 ORDER BY revision`,
      [ballot.id, voter.id],
    );
    expect(stored.map((r) => r.revision)).toEqual(revisions);
    const current = await fixtures.query(`SELECT revision FROM current_vote WHERE ballot_id = $1`, [ballot.id]);
    expect(current).toEqual([{ revision: 50 }]);

    const last = results.map((r) => ok(r).castVote).find((v) => v.vote.revision === 50);
    await chainIsLinear(ballot.id, last.receipt);
    const first = results.map((r) => ok(r).castVote).find((v) => v.vote.revision === 1);
    const verification = ok(
      await gateway.gql(VERIFY, { ballotId: ballot.id, receipt: first.receipt }, voter.token),
    ).verifyBallotReceipt;
    expect(verification).toMatchObject({ valid: true, superseded: true });
    const read = ok(await gateway.gql(BALLOT, { id: ballot.id }, voter.token)).ballot;
    expect(read).toMatchObject({ votesCast: 1, myVote: { revision: 50, position: last.vote.position } });
  });

  it('200 electors voting at once give an exact tally', async () => {
    const c = await electorate(200);
    const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
    const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'TWO_THIRDS', quorum: 0.9 });
    const position = (i: number) => (i % 10 < 7 ? 'APPROVE' : i % 10 < 9 ? 'OBJECT' : 'ABSTAIN');
    const results = await Promise.all(c.members.map((m, i) => castVote(gateway, m.token, ballot.id, position(i), 'because')));
    expect(results.flatMap(errorCodes)).toEqual([]);

    const live = ok(await gateway.gql(BALLOT, { id: ballot.id }, c.secretariat.token)).ballot;
    expect(live.tally).toEqual({ approve: 140, object: 40, abstain: 20, notVoted: 0 });
    const closed = ok(await gateway.gql(CLOSE, { id: ballot.id }, c.secretariat.token)).closeBallot;
    expect(closed).toMatchObject({
      status: 'CLOSED',
      outcome: 'APPROVED',
      votesCast: 200,
      participation: 1,
      tally: { approve: 140, object: 40, abstain: 20, notVoted: 0 },
    });
    const records = await chainIsLinear(ballot.id, closed.chainHead);
    expect(records).toHaveLength(200);
  });

  it('a vote racing closeBallot is either counted and in the chain, or refused', async () => {
    const c = await electorate(60);
    const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
    const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'MAJORITY', quorum: 0.1 });
    const vote = (m: Person) => castVote(gateway, m.token, ballot.id, 'APPROVE');
    const spaced = (people: Person[], ms: number) =>
      people.map((m, i) => new Promise((r) => setTimeout(r, i * ms)).then(() => vote(m)));
    // Ordered by events, not by the speed of the machine: 16 votes, the close as soon as the
    // 16th is in, 40 votes in flight while it closes, and 4 once it has closed.
    const before = spaced(c.members.slice(0, 16), 40);
    const close = before[15].then(() => gateway.gql(CLOSE, { id: ballot.id }, c.secretariat.token));
    const during = before[15].then(() => Promise.all(spaced(c.members.slice(16, 56), 20)));
    const after = close.then(() => Promise.all(c.members.slice(56).map(vote)));
    const [first, racing, last, closed] = await Promise.all([Promise.all(before), during, after, close]);
    const results = [...first, ...racing, ...last];
    const codes = results.map((r) => errorCodes(r));
    expect(new Set(codes.flat())).toEqual(new Set(codes.flat().length ? ['CONFLICT'] : []));
    const accepted = c.members.filter((_, i) => codes[i].length === 0).map((m) => m.id);
    const closeData = ok(closed).closeBallot;

    const counted = await fixtures.query<{ voter_id: string }>(`SELECT voter_id FROM current_vote WHERE ballot_id = $1`, [
      ballot.id,
    ]);
    expect(counted.map((r) => r.voter_id).sort()).toEqual(accepted.sort());
    expect(closeData.tally.approve).toBe(accepted.length);
    const read = ok(await gateway.gql(BALLOT, { id: ballot.id }, c.secretariat.token)).ballot;
    expect(read.tally.approve).toBe(accepted.length);
    const records = await chainIsLinear(ballot.id, closeData.chainHead);
    expect(records).toHaveLength(accepted.length);
    if (accepted.length) expect(records.at(-1)?.hash).toBe(closeData.chainHead);
    // The race really happened: some votes got in before the close, some came after it.
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(c.members.length);
    // Every accepted vote was cast before the (moved) closesAt.
    const late = await fixtures.query(
      `SELECT 1 FROM vote_record r JOIN ballot b ON b.id = r.ballot_id WHERE b.id = $1 AND r.cast_at >= b.closes_at`,
      [ballot.id],
    );
    expect(late).toHaveLength(0);
  });

  it('votes racing closesAt (no job) are counted exactly when accepted', async () => {
    const c = await electorate(80);
    const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
    const ballot = await openBallot(gateway, c.secretariat.token, tor.id, {
      rule: 'CONSENSUS',
      quorum: 0.01,
      closesAt: inSeconds(6),
    });
    // Votes from 2 s before closesAt to 2 s after it: on a busy machine some still land on each side.
    const delayUntil = new Date(ballot.closesAt).getTime() - Date.now();
    const results = await Promise.all(
      c.members.map((m, i) =>
        new Promise((r) => setTimeout(r, delayUntil - 2000 + i * 50)).then(() =>
          castVote(gateway, m.token, ballot.id, 'ABSTAIN'),
        ),
      ),
    );
    const accepted = c.members.filter((_, i) => errorCodes(results[i]).length === 0).map((m) => m.id);
    expect(results.flatMap(errorCodes).every((code) => code === 'CONFLICT')).toBe(true);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(c.members.length);
    await new Promise((r) => setTimeout(r, Math.max(0, new Date(ballot.closesAt).getTime() - Date.now() + 50)));
    const read = ok(await gateway.gql(BALLOT, { id: ballot.id }, c.secretariat.token)).ballot;
    expect(read).toMatchObject({
      status: 'CLOSED',
      outcome: 'APPROVED',
      votesCast: accepted.length,
      tally: { abstain: accepted.length },
    });
    const counted = await fixtures.query<{ voter_id: string }>(`SELECT voter_id FROM current_vote WHERE ballot_id = $1`, [
      ballot.id,
    ]);
    expect(counted.map((r) => r.voter_id).sort()).toEqual(accepted.sort());
    expect(errorCodes(await castVote(gateway, c.members[0].token, ballot.id, 'APPROVE'))).toEqual(['CONFLICT']);
  });
});
