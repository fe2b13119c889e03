import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { verifyChain } from '@app/terms-of-reference';
import { useFixtures } from '../support/fixtures';
import { errorCodes, ok, useGateway } from '../support/gateway-harness';
import {
  BALLOT,
  castVote,
  chainRecords,
  CLOSE,
  community,
  draftTor,
  openBallot,
  tamper,
  VERIFY,
  VOTE_COMMENTS,
} from '../support/tor-fixtures';

const AUDIT = `query($id: ID!) { ballot(id: $id) { status outcome chainHead tally { approve object abstain notVoted }
  audit { head consistent tallyFromChain { approve object abstain notVoted } records { seq position revision hash } } } }`;

describe('vote integrity (issue 12: findings 8 and 9)', () => {
  const gateway = useGateway();
  const fixtures = useFixtures();

  async function openWithVotes(members = 3) {
    const c = await community(fixtures, members);
    const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
    const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'MAJORITY', quorum: 0.5 });
    return { ...c, ballot };
  }

  const records = (ballotId: string) => chainRecords(fixtures, ballotId);

  describe('finding 8: the tally is covered by the chain', () => {
    it('counts the outcome from the chain when current_vote was changed around cast_vote(), and reports it', async () => {
      const { ballot, members, secretariat, observer } = await openWithVotes(3);
      const [a, b, c] = members;
      ok(await castVote(gateway, a.token, ballot.id, 'APPROVE'));
      ok(await castVote(gateway, b.token, ballot.id, 'APPROVE'));
      ok(await castVote(gateway, c.token, ballot.id, 'OBJECT', 'Not yet'));
      // An operator who owns the table turns both approvals into objections, behind the chain's back.
      const changed = await tamper(
        fixtures,
        'current_vote',
        `UPDATE current_vote SET position = 'OBJECT' WHERE ballot_id = $1 AND position = 'APPROVE'`,
        [ballot.id],
      );
      expect(changed).toBe(2);

      const open = ok(await gateway.gql(AUDIT, { id: ballot.id }, secretariat.token)).ballot;
      expect(open.tally).toEqual({ approve: 2, object: 1, abstain: 0, notVoted: 0 });
      expect(open.audit).toMatchObject({ consistent: false, tallyFromChain: { approve: 2, object: 1, abstain: 0, notVoted: 0 } });

      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      let closed;
      let logged: string[];
      try {
        closed = ok(await gateway.gql(CLOSE, { id: ballot.id }, secretariat.token)).closeBallot;
        logged = errors.mock.calls.map((args) => String(args[0])).filter((m) => m.includes(ballot.id));
      } finally {
        errors.mockRestore();
      }
      expect(closed).toMatchObject({
        status: 'CLOSED',
        outcome: 'APPROVED',
        tally: { approve: 2, object: 1, abstain: 0, notVoted: 0 },
      });
      expect(logged).toEqual([
        `Ballot ${ballot.id} closes with current votes that disagree with the vote chain for 2 elector(s): ` +
          'current votes 0/3/0, chain 2/1/0 (approve/object/abstain); the outcome is counted from the chain',
      ]);
      const [row] = await fixtures.query(
        `SELECT outcome, final_approve, final_object, final_abstain, current_votes_agreed FROM ballot WHERE id = $1`,
        [ballot.id],
      );
      expect(row).toEqual({
        outcome: 'APPROVED',
        final_approve: 2,
        final_object: 1,
        final_abstain: 0,
        current_votes_agreed: false,
      });

      const read = ok(await gateway.gql(AUDIT, { id: ballot.id }, observer.token)).ballot;
      expect(read).toMatchObject({ outcome: 'APPROVED', tally: { approve: 2, object: 1, abstain: 0, notVoted: 0 } });
      expect(read.audit).toMatchObject({
        consistent: false,
        head: read.chainHead,
        tallyFromChain: { approve: 2, object: 1, abstain: 0 },
      });
    });

    it('closes a sound ballot with current_vote agreeing with the chain, and says so', async () => {
      const { ballot, members, secretariat } = await openWithVotes(2);
      ok(await castVote(gateway, members[0].token, ballot.id, 'OBJECT', 'No'));
      ok(await castVote(gateway, members[0].token, ballot.id, 'APPROVE'));
      ok(await gateway.gql(CLOSE, { id: ballot.id }, secretariat.token));
      const [row] = await fixtures.query(`SELECT outcome, current_votes_agreed FROM ballot WHERE id = $1`, [ballot.id]);
      expect(row).toEqual({ outcome: 'APPROVED', current_votes_agreed: true });
      expect(ok(await gateway.gql(AUDIT, { id: ballot.id }, members[1].token)).ballot.audit.consistent).toBe(true);
    });
  });

  describe('finding 9: a vote that stands never reports an error', () => {
    it('answers castVote with the committed record, even when the caller names itself differently from PostgreSQL', async () => {
      const { ballot, members } = await openWithVotes(2);
      // A valid token whose subject is the voter's id in capitals: PostgreSQL stores the uuid in lower case,
      // so the record's hash covers the lower-case id, not the string the gateway was given.
      const token = fixtures.token(members[0].id.toUpperCase());
      const result = await castVote(gateway, token, ballot.id, 'OBJECT', 'Not like this');
      const stored = await records(ballot.id);
      expect(stored).toHaveLength(1);
      expect(errorCodes(result)).toEqual([]);
      expect(ok(result).castVote).toEqual({
        receipt: stored[0].hash,
        vote: {
          position: 'OBJECT',
          comment: 'Not like this',
          revision: 1,
          castAt: stored[0].castAt.toISOString(),
          voter: { id: members[0].id },
        },
      });
      expect(
        ok(await gateway.gql(VERIFY, { ballotId: ballot.id, receipt: stored[0].hash }, members[1].token)).verifyBallotReceipt,
      ).toEqual({
        valid: true,
        superseded: false,
        position: 'OBJECT',
        castAt: stored[0].castAt.toISOString(),
      });
    });

    it('chains what castVote stored exactly as Node encodes it: every kind of comment, revisions 1..n', async () => {
      const { ballot, members } = await openWithVotes(2);
      const voter = members[1];
      const receipts: string[] = [];
      for (const [i, [, comment]] of VOTE_COMMENTS.entries()) {
        const position = comment && /\S/.test(comment) && i % 2 ? 'OBJECT' : i % 3 ? 'ABSTAIN' : 'APPROVE';
        const cast = ok(await castVote(gateway, voter.token, ballot.id, position, comment)).castVote;
        expect(cast.vote).toMatchObject({ position, comment, revision: i + 1 });
        receipts.push(cast.receipt);
      }
      const stored = await records(ballot.id);
      expect(stored.map((r) => [r.revision, r.comment])).toEqual(VOTE_COMMENTS.map(([, comment], i) => [i + 1, comment]));
      expect(stored.map((r) => r.hash)).toEqual(receipts);
      expect(verifyChain(ballot.id, stored)).toMatchObject({ ok: true, head: receipts[receipts.length - 1] });
      const read = ok(await gateway.gql(BALLOT, { id: ballot.id }, voter.token)).ballot;
      expect(read.myVote).toMatchObject({ revision: VOTE_COMMENTS.length, comment: VOTE_COMMENTS[VOTE_COMMENTS.length - 1][1] });
    });
  });
});
