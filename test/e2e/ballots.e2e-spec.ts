import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOBS, QUEUES } from '@app/platform';
import { closeJobId } from '@app/terms-of-reference';
import { useFixtures } from '../support/fixtures';
import { errorCodes, ok, startGateway, useGateway } from '../support/gateway-harness';
import {
  BALLOT,
  BALLOT_FIELDS,
  CANCEL,
  castVote,
  CLOSE,
  community,
  draftTor,
  expire,
  inSeconds,
  OPEN,
  openBallot,
  outboxTopics,
  tamper,
  VERIFY,
  waitFor,
} from '../support/tor-fixtures';
import { useDatabaseOfItsOwn } from '../support/own-database';
import { startWorker } from '../support/reminders';

useDatabaseOfItsOwn();

describe('ballots', () => {
  const gateway = useGateway();
  const fixtures = useFixtures();

  const readBallot = async (id: string, token: string) => ok(await gateway.gql(BALLOT, { id }, token)).ballot;

  describe('openBallot', () => {
    it("fixes the electorate when it opens: the initiative's MEMBERs", async () => {
      const c = await community(fixtures, 3);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'TWO_THIRDS', quorum: 0.7 });
      expect(ballot).toMatchObject({
        status: 'OPEN',
        rule: 'TWO_THIRDS',
        quorum: 0.7,
        electorateSize: 3,
        votesCast: 0,
        participation: 0,
        outcome: null,
        chainHead: null,
        eligibleToVote: false,
        myVote: null,
        tally: { approve: 0, object: 0, abstain: 0, notVoted: 3 },
        version: { number: 1 },
        termsOfReference: { id: tor.id, status: 'UNDER_BALLOT' },
      });
      const electors = await fixtures.query<{ person_id: string }>(
        `SELECT person_id FROM ballot_elector WHERE ballot_id = $1 ORDER BY person_id`,
        [ballot.id],
      );
      expect(electors.map((e) => e.person_id)).toEqual(c.members.map((m) => m.id).sort());
      expect(await outboxTopics(fixtures, ballot.id)).toEqual(['ballot.opened']);

      // A member who joins later is not an elector.
      const late = await fixtures.person(c.initiative.id, 'MEMBER');
      expect((await readBallot(ballot.id, late.token)).eligibleToVote).toBe(false);
      expect(errorCodes(await castVote(gateway, late.token, ballot.id, 'APPROVE'))).toEqual(['FORBIDDEN']);
      expect((await readBallot(ballot.id, c.members[0].token)).eligibleToVote).toBe(true);
      expect((await readBallot(ballot.id, c.secretariat.token)).electorateSize).toBe(3);
    });

    it("uses the group's CHAIR, VICE_CHAIR and MEMBERs for a group document; the CHAIR or SECRETARIAT opens it", async () => {
      const c = await community(fixtures, 5);
      const group = await fixtures.group(c.initiative.id);
      const [chair, vice, member, groupObserver] = c.members;
      await fixtures.groupRole(group.id, chair.id, 'CHAIR');
      await fixtures.groupRole(group.id, vice.id, 'VICE_CHAIR');
      await fixtures.groupRole(group.id, member.id, 'MEMBER');
      await fixtures.groupRole(group.id, groupObserver.id, 'OBSERVER');
      const tor = await draftTor(gateway, vice.token, c.initiative.id, group.id);
      const input = { termsOfReferenceId: tor.id, closesAt: inSeconds(600), rule: 'CONSENSUS', quorum: 1 };
      expect(errorCodes(await gateway.gql(OPEN, { input }, vice.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(OPEN, { input }, member.token))).toEqual(['FORBIDDEN']);
      const ballot = ok(await gateway.gql(OPEN, { input }, chair.token)).openBallot;
      expect(ballot.electorateSize).toBe(3);
      const electors = await fixtures.query<{ person_id: string }>(`SELECT person_id FROM ballot_elector WHERE ballot_id = $1`, [
        ballot.id,
      ]);
      expect(electors.map((e) => e.person_id).sort()).toEqual([chair.id, vice.id, member.id].sort());
      expect(errorCodes(await castVote(gateway, groupObserver.token, ballot.id, 'APPROVE'))).toEqual(['FORBIDDEN']);
      ok(await gateway.gql(CANCEL, { id: ballot.id, reason: 'test' }, c.secretariat.token));
      expect(
        ok(await gateway.gql(OPEN, { input: { ...input, closesAt: inSeconds(600) } }, c.secretariat.token)).openBallot
          .electorateSize,
      ).toBe(3);
    });

    it('refuses a past closesAt, a bad quorum, a second OPEN ballot, members, outsiders and unknown ids', async () => {
      const c = await community(fixtures, 2);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const input = { termsOfReferenceId: tor.id, closesAt: inSeconds(600), rule: 'MAJORITY', quorum: 0.5 };
      expect(errorCodes(await gateway.gql(OPEN, { input: { ...input, closesAt: inSeconds(-1) } }, c.secretariat.token))).toEqual([
        'CONFLICT',
      ]);
      for (const quorum of [0, -0.1, 1.01]) {
        const bad = await gateway.gql(OPEN, { input: { ...input, quorum } }, c.secretariat.token);
        expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
        expect(bad.errors?.[0].extensions.fields).toEqual([
          { field: expect.stringMatching(/(^|\.)quorum$/), message: 'must be in (0, 1]' },
        ]);
      }
      expect(errorCodes(await gateway.gql(OPEN, { input: { ...input, rule: 'UNANIMITY' } }, c.secretariat.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(errorCodes(await gateway.gql(OPEN, { input: { ...input, closesAt: 'tomorrow' } }, c.secretariat.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(errorCodes(await gateway.gql(OPEN, { input }, c.members[0].token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(OPEN, { input }, c.observer.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(OPEN, { input }, c.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(OPEN, { input }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gateway.gql(OPEN, { input: { ...input, termsOfReferenceId: 'zz' } }, c.secretariat.token))).toEqual(
        ['NOT_FOUND'],
      );
      expect(await fixtures.query(`SELECT 1 FROM ballot WHERE tor_id = $1`, [tor.id])).toHaveLength(0);

      ok(await gateway.gql(OPEN, { input }, c.secretariat.token));
      expect(errorCodes(await gateway.gql(OPEN, { input }, c.secretariat.token))).toEqual(['CONFLICT']);
      expect(await fixtures.query(`SELECT 1 FROM ballot WHERE tor_id = $1`, [tor.id])).toHaveLength(1);
    });

    it('holds one OPEN ballot per document in the database', async () => {
      const c = await community(fixtures, 1);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id);
      await expect(
        fixtures.query(
          `INSERT INTO ballot (tor_id, version_id, opened_by, closes_at, rule, quorum, electorate_size)
           SELECT tor_id, version_id, opened_by, closes_at, rule, quorum, 0 FROM ballot WHERE id = $1`,
          [ballot.id],
        ),
      ).rejects.toThrow(/ballot_one_open_per_tor/);
      await expect(fixtures.query(`UPDATE ballot SET quorum = 0 WHERE id = $1`, [ballot.id])).rejects.toThrow(/check/);
    });

    it('settles an expired OPEN ballot in the same transaction and opens the next one', async () => {
      const c = await community(fixtures, 2);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const first = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'MAJORITY', quorum: 0.5 });
      ok(await castVote(gateway, c.members[0].token, first.id, 'APPROVE'));
      await expire(fixtures, first.id);
      const second = await openBallot(gateway, c.secretariat.token, tor.id);
      expect(second.status).toBe('OPEN');
      const [row] = await fixtures.query(
        `SELECT state, outcome, final_approve, final_object, final_abstain FROM ballot WHERE id = $1`,
        [first.id],
      );
      expect(row).toEqual({ state: 'CLOSED', outcome: 'APPROVED', final_approve: 1, final_object: 0, final_abstain: 0 });
      expect(await outboxTopics(fixtures, first.id)).toEqual(['ballot.opened', 'ballot.closed']);
      // The document had been APPROVED by the first ballot; cancelling the second returns it there.
      const cancelled = ok(await gateway.gql(CANCEL, { id: second.id, reason: 'x' }, c.secretariat.token)).cancelBallot;
      expect(cancelled.termsOfReference.status).toBe('APPROVED');
    });
  });

  describe('castVote', () => {
    it('records a vote, replaces it with revision + 1 and keeps every earlier one', async () => {
      const c = await community(fixtures, 2);
      const [a] = c.members;
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id);
      const first = ok(await castVote(gateway, a.token, ballot.id, 'APPROVE')).castVote;
      expect(first.vote).toMatchObject({ position: 'APPROVE', comment: null, revision: 1, voter: { id: a.id } });
      expect(first.receipt).toMatch(/^[0-9a-f]{64}$/);
      const second = ok(await castVote(gateway, a.token, ballot.id, 'OBJECT', 'Section 3 is unclear')).castVote;
      expect(second.vote).toMatchObject({ position: 'OBJECT', comment: 'Section 3 is unclear', revision: 2 });
      expect(new Date(second.vote.castAt).getTime()).toBeGreaterThanOrEqual(new Date(first.vote.castAt).getTime());

      const read = await readBallot(ballot.id, a.token);
      expect(read).toMatchObject({
        votesCast: 1,
        participation: 0.5,
        myVote: { position: 'OBJECT', revision: 2, voter: { id: a.id } },
        eligibleToVote: true,
      });
      const records = await fixtures.query(`SELECT seq, revision, position FROM vote_record WHERE ballot_id = $1 ORDER BY seq`, [
        ballot.id,
      ]);
      expect(records).toEqual([
        { seq: 1, revision: 1, position: 'APPROVE' },
        { seq: 2, revision: 2, position: 'OBJECT' },
      ]);
      const current = await fixtures.query(`SELECT voter_id, revision, position FROM current_vote WHERE ballot_id = $1`, [
        ballot.id,
      ]);
      expect(current).toEqual([{ voter_id: a.id, revision: 2, position: 'OBJECT' }]);
    });

    it('refuses OBJECT without a comment, non-electors, outsiders, unknown ballots and closed or cancelled ballots', async () => {
      const c = await community(fixtures, 2);
      const [a, b] = c.members;
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id);
      for (const comment of [null, '', '   ']) {
        const refused = await castVote(gateway, a.token, ballot.id, 'OBJECT', comment);
        expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
        expect(refused.errors?.[0].extensions.fields).toEqual([
          { field: 'input.comment', message: 'is required (non-blank) for OBJECT' },
        ]);
      }
      expect(errorCodes(await castVote(gateway, c.secretariat.token, ballot.id, 'APPROVE'))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await castVote(gateway, c.observer.token, ballot.id, 'APPROVE'))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await castVote(gateway, c.outsider.token, ballot.id, 'APPROVE'))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await castVote(gateway, a.token, 'nope', 'APPROVE'))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await castVote(gateway, a.token, '00000000-0000-4000-8000-000000000000', 'APPROVE'))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await castVote(gateway, a.token, ballot.id, 'MAYBE'))).toEqual(['BAD_USER_INPUT']);
      expect(
        errorCodes(
          await gateway.gql(`mutation { castVote(input: { ballotId: "${ballot.id}", position: APPROVE }) { receipt } }`),
        ),
      ).toEqual(['UNAUTHENTICATED']);
      expect(await fixtures.query(`SELECT 1 FROM vote_record WHERE ballot_id = $1`, [ballot.id])).toHaveLength(0);

      ok(await castVote(gateway, a.token, ballot.id, 'APPROVE'));
      ok(await gateway.gql(CANCEL, { id: ballot.id, reason: 'Wrong version' }, c.secretariat.token));
      expect(errorCodes(await castVote(gateway, b.token, ballot.id, 'APPROVE'))).toEqual(['CONFLICT']);

      const next = await openBallot(gateway, c.secretariat.token, tor.id);
      ok(await gateway.gql(CLOSE, { id: next.id }, c.secretariat.token));
      expect(errorCodes(await castVote(gateway, b.token, next.id, 'APPROVE'))).toEqual(['CONFLICT']);
      expect(await fixtures.query(`SELECT 1 FROM vote_record WHERE ballot_id = ANY($1)`, [[ballot.id, next.id]])).toHaveLength(1);
    });
  });

  describe('visibility', () => {
    it('hides the tally and votes from non-secretariat callers while OPEN and shows them to every member once CLOSED', async () => {
      const c = await community(fixtures, 3);
      const [a, b] = c.members;
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'MAJORITY', quorum: 0.5 });
      ok(await castVote(gateway, a.token, ballot.id, 'APPROVE'));
      ok(await castVote(gateway, b.token, ballot.id, 'OBJECT', 'No'));
      ok(await castVote(gateway, b.token, ballot.id, 'ABSTAIN'));

      for (const who of [a, c.observer]) {
        const read = await readBallot(ballot.id, who.token);
        expect(read).toMatchObject({ status: 'OPEN', votesCast: 2, tally: null, outcome: null, chainHead: null });
        expect(read.votes).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
      }
      const asSecretariat = await readBallot(ballot.id, c.secretariat.token);
      expect(asSecretariat.tally).toEqual({ approve: 1, object: 0, abstain: 1, notVoted: 1 });
      expect(asSecretariat.votes.totalCount).toBe(2);
      expect(
        asSecretariat.votes.edges.map((e: { node: { voter: { id: string }; revision: number } }) => [
          e.node.voter.id,
          e.node.revision,
        ]),
      ).toEqual([
        [a.id, 1],
        [b.id, 2],
      ]);
      expect(errorCodes(await gateway.gql(BALLOT, { id: ballot.id }, c.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(BALLOT, { id: 'x' }, a.token))).toEqual(['NOT_FOUND']);

      ok(await gateway.gql(CLOSE, { id: ballot.id }, c.secretariat.token));
      const closed = await readBallot(ballot.id, c.observer.token);
      expect(closed).toMatchObject({
        status: 'CLOSED',
        outcome: 'APPROVED',
        tally: { approve: 1, object: 0, abstain: 1, notVoted: 1 },
      });
      expect(closed.chainHead).toMatch(/^[0-9a-f]{64}$/);
      expect(closed.votes.totalCount).toBe(2);
      const page = ok(
        await gateway.gql(
          `query($id: ID!) { ballot(id: $id) { votes(first: 1) { totalCount edges { cursor node { revision } } pageInfo { hasNextPage endCursor } } } }`,
          { id: ballot.id },
          a.token,
        ),
      ).ballot.votes;
      expect(page).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
      const rest = ok(
        await gateway.gql(
          `query($id: ID!, $after: String) { ballot(id: $id) { votes(first: 5, after: $after) { edges { node { revision voter { id } } } pageInfo { hasNextPage } } } }`,
          { id: ballot.id, after: page.pageInfo.endCursor },
          a.token,
        ),
      ).ballot.votes;
      expect(rest).toEqual({ edges: [{ node: { revision: 2, voter: { id: b.id } } }], pageInfo: { hasNextPage: false } });
    });
  });

  describe('closeBallot and cancelBallot', () => {
    it('closes early (SECRETARIAT): closesAt becomes now, outcome, tally and chain head are persisted, events written', async () => {
      const c = await community(fixtures, 4);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'TWO_THIRDS', quorum: 0.7 });
      const receipts: string[] = [];
      for (const [i, position] of (['APPROVE', 'APPROVE', 'OBJECT'] as const).entries()) {
        receipts.push(
          ok(await castVote(gateway, c.members[i].token, ballot.id, position, position === 'OBJECT' ? 'no' : null)).castVote
            .receipt,
        );
      }
      expect(errorCodes(await gateway.gql(CLOSE, { id: ballot.id }, c.members[0].token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(CLOSE, { id: ballot.id }, c.outsider.token))).toEqual(['NOT_FOUND']);
      const before = Date.now();
      const closed = ok(await gateway.gql(CLOSE, { id: ballot.id }, c.secretariat.token)).closeBallot;
      expect(closed).toMatchObject({
        status: 'CLOSED',
        outcome: 'APPROVED',
        votesCast: 3,
        participation: 0.75,
        tally: { approve: 2, object: 1, abstain: 0, notVoted: 1 },
        chainHead: receipts[2],
        termsOfReference: { status: 'APPROVED' },
      });
      expect(Math.abs(new Date(closed.closesAt).getTime() - before)).toBeLessThan(5000);
      const [row] = await fixtures.query(
        `SELECT state, outcome, chain_head, closed_persisted_at IS NOT NULL AS persisted FROM ballot WHERE id = $1`,
        [ballot.id],
      );
      expect(row).toEqual({ state: 'CLOSED', outcome: 'APPROVED', chain_head: receipts[2], persisted: true });
      expect(await outboxTopics(fixtures, ballot.id)).toEqual(['ballot.opened', 'ballot.closed', 'ballot.closing_time_changed']);
      expect(errorCodes(await gateway.gql(CLOSE, { id: ballot.id }, c.secretariat.token))).toEqual(['CONFLICT']);
      expect(errorCodes(await gateway.gql(CANCEL, { id: ballot.id, reason: 'late' }, c.secretariat.token))).toEqual(['CONFLICT']);
    });

    it('cancels (SECRETARIAT) with a reason and no outcome', async () => {
      const c = await community(fixtures, 2);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id);
      ok(await castVote(gateway, c.members[0].token, ballot.id, 'APPROVE'));
      expect(errorCodes(await gateway.gql(CANCEL, { id: ballot.id, reason: 'x' }, c.members[0].token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(CANCEL, { id: ballot.id, reason: '  ' }, c.secretariat.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(errorCodes(await gateway.gql(CANCEL, { id: 'x', reason: 'r' }, c.secretariat.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(CANCEL, { id: ballot.id, reason: 'r' }, c.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(CANCEL, { id: ballot.id, reason: 'r' }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gateway.gql(CLOSE, { id: ballot.id }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gateway.gql(BALLOT, { id: ballot.id }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gateway.gql(VERIFY, { ballotId: ballot.id, receipt: 'x' }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gateway.gql(VERIFY, { ballotId: 'x', receipt: 'x' }, c.secretariat.token))).toEqual(['NOT_FOUND']);
      expect(await fixtures.query(`SELECT state FROM ballot WHERE id = $1`, [ballot.id])).toEqual([{ state: 'OPEN' }]);
      const cancelled = ok(
        await gateway.gql(CANCEL, { id: ballot.id, reason: 'Wrong version' }, c.secretariat.token),
      ).cancelBallot;
      expect(cancelled).toMatchObject({
        status: 'CANCELLED',
        outcome: null,
        chainHead: null,
        termsOfReference: { status: 'DRAFT' },
      });
      expect((await readBallot(ballot.id, c.members[1].token)).tally).toBeNull();
      const [row] = await fixtures.query(`SELECT state, cancel_reason, outcome FROM ballot WHERE id = $1`, [ballot.id]);
      expect(row).toEqual({ state: 'CANCELLED', cancel_reason: 'Wrong version', outcome: null });
      expect(await outboxTopics(fixtures, ballot.id)).toEqual(['ballot.opened', 'ballot.cancelled']);
      expect(errorCodes(await gateway.gql(CANCEL, { id: ballot.id, reason: 'again' }, c.secretariat.token))).toEqual([
        'CONFLICT',
      ]);
      expect(errorCodes(await gateway.gql(CLOSE, { id: ballot.id }, c.secretariat.token))).toEqual(['CONFLICT']);
    });

    it('reads CLOSED with the right outcome after closesAt without any job, and refuses votes', async () => {
      const c = await community(fixtures, 10);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'MAJORITY', quorum: 0.7 });
      for (let i = 0; i < 7; i++)
        ok(await castVote(gateway, c.members[i].token, ballot.id, i < 3 ? 'APPROVE' : i < 5 ? 'OBJECT' : 'ABSTAIN', 'r'));
      await expire(fixtures, ballot.id);
      const read = await readBallot(ballot.id, c.members[9].token);
      expect(read).toMatchObject({
        status: 'CLOSED',
        outcome: 'APPROVED',
        votesCast: 7,
        tally: { approve: 3, object: 2, abstain: 2, notVoted: 3 },
      });
      expect(read.chainHead).toMatch(/^[0-9a-f]{64}$/);
      expect(errorCodes(await castVote(gateway, c.members[9].token, ballot.id, 'APPROVE'))).toEqual(['CONFLICT']);
      expect(errorCodes(await castVote(gateway, c.members[0].token, ballot.id, 'OBJECT', 'changed my mind'))).toEqual([
        'CONFLICT',
      ]);
      const [row] = await fixtures.query(`SELECT state, closed_persisted_at FROM ballot WHERE id = $1`, [ballot.id]);
      expect(row).toEqual({ state: 'OPEN', closed_persisted_at: null });
      expect((await readBallot(ballot.id, c.secretariat.token)).tally.approve).toBe(3);
      // It is CLOSED: neither closeBallot nor cancelBallot applies, and nothing changes.
      expect(errorCodes(await gateway.gql(CLOSE, { id: ballot.id }, c.secretariat.token))).toEqual(['CONFLICT']);
      expect(errorCodes(await gateway.gql(CANCEL, { id: ballot.id, reason: 'late' }, c.secretariat.token))).toEqual(['CONFLICT']);
      expect(await fixtures.query(`SELECT state FROM ballot WHERE id = $1`, [ballot.id])).toEqual([{ state: 'OPEN' }]);
      expect(await outboxTopics(fixtures, ballot.id)).toEqual(['ballot.opened']);
    });
  });

  describe('receipts', () => {
    it('verifies receipts, marks superseded ones, and fails once a stored vote is edited in PostgreSQL (its guard disabled)', async () => {
      const c = await community(fixtures, 3);
      const [a, b] = c.members;
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id);
      const r1 = ok(await castVote(gateway, a.token, ballot.id, 'APPROVE')).castVote;
      const r2 = ok(await castVote(gateway, b.token, ballot.id, 'ABSTAIN')).castVote;
      const r3 = ok(await castVote(gateway, a.token, ballot.id, 'OBJECT', 'Second thoughts')).castVote;
      const verify = async (receipt: string, token = b.token) =>
        ok(await gateway.gql(VERIFY, { ballotId: ballot.id, receipt }, token)).verifyBallotReceipt;

      expect(await verify(r1.receipt)).toEqual({ valid: true, superseded: true, position: 'APPROVE', castAt: r1.vote.castAt });
      expect(await verify(r2.receipt)).toEqual({ valid: true, superseded: false, position: 'ABSTAIN', castAt: r2.vote.castAt });
      expect(await verify(r3.receipt, c.observer.token)).toEqual({
        valid: true,
        superseded: false,
        position: 'OBJECT',
        castAt: r3.vote.castAt,
      });
      expect(await verify('0'.repeat(64))).toEqual({ valid: false, superseded: false, position: null, castAt: null });
      expect(errorCodes(await gateway.gql(VERIFY, { ballotId: ballot.id, receipt: r1.receipt }, c.outsider.token))).toEqual([
        'NOT_FOUND',
      ]);

      ok(await gateway.gql(CLOSE, { id: ballot.id }, c.secretariat.token));
      expect((await readBallot(ballot.id, a.token)).chainHead).toBe(r3.receipt);
      expect((await verify(r2.receipt)).valid).toBe(true);

      // vote_record refuses edits, even from its owner: tampering takes disabling its guard first.
      await expect(
        fixtures.query(`UPDATE vote_record SET position = 'APPROVE' WHERE ballot_id = $1 AND seq = 2`, [ballot.id]),
      ).rejects.toThrow('vote_record is append-only: UPDATE refused');
      expect((await verify(r2.receipt)).valid).toBe(true);
      expect(
        await tamper(fixtures, 'vote_record', `UPDATE vote_record SET position = 'APPROVE' WHERE ballot_id = $1 AND seq = 2`, [
          ballot.id,
        ]),
      ).toBe(1);
      expect((await verify(r1.receipt)).valid).toBe(false);
      expect((await verify(r2.receipt)).valid).toBe(false);
      expect((await verify(r3.receipt)).valid).toBe(false);
    });
  });

  describe('the close job', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      worker = await startWorker({ QUEUE_PREFIX: gateway.config.QUEUE_PREFIX });
    });
    afterAll(() => worker.close());

    it('persists the outcome, final tally and chain head at closesAt, once', async () => {
      const c = await community(fixtures, 3);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      // Room for two votes before closesAt on a busy machine.
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id, {
        rule: 'CONSENSUS',
        quorum: 0.5,
        closesAt: inSeconds(10),
      });
      ok(await castVote(gateway, c.members[0].token, ballot.id, 'APPROVE'));
      const receipt = ok(await castVote(gateway, c.members[1].token, ballot.id, 'ABSTAIN')).castVote.receipt;
      const row = await waitFor(async () => {
        const [r] = await fixtures.query(
          `SELECT state, outcome, final_approve, final_object, final_abstain, chain_head FROM ballot WHERE id = $1 AND closed_persisted_at IS NOT NULL`,
          [ballot.id],
        );
        return r;
      }, 45_000);
      expect(row).toEqual({
        state: 'CLOSED',
        outcome: 'APPROVED',
        final_approve: 1,
        final_object: 0,
        final_abstain: 1,
        chain_head: receipt,
      });
      const [doc] = await fixtures.query(`SELECT status, status_before_ballot FROM terms_of_reference WHERE id = $1`, [tor.id]);
      expect(doc).toEqual({ status: 'APPROVED', status_before_ballot: null });
      expect(await outboxTopics(fixtures, ballot.id)).toEqual(['ballot.opened', 'ballot.closed']);
      expect(errorCodes(await castVote(gateway, c.members[2].token, ballot.id, 'APPROVE'))).toEqual(['CONFLICT']);
      expect(await readBallot(ballot.id, c.members[2].token)).toMatchObject({
        status: 'CLOSED',
        outcome: 'APPROVED',
        chainHead: receipt,
      });

      // A duplicated job (another id, same ballot) finds the ballot closed and does nothing.
      const queue = new Queue(QUEUES.ballots, {
        connection: { url: gateway.config.REDIS_URL },
        prefix: gateway.config.QUEUE_PREFIX,
      });
      try {
        const job = await queue.add(JOBS.ballots.closeBallot, { ballotId: ballot.id }, { jobId: `dup-${ballot.id}` });
        const state = await waitFor(async () => ((await job.getState()) === 'completed' ? 'completed' : null));
        expect(state).toBe('completed');
        expect((await queue.getJob(`dup-${ballot.id}`))?.returnvalue).toBe('not-open');
      } finally {
        await queue.close();
      }
      expect(await outboxTopics(fixtures, ballot.id)).toEqual(['ballot.opened', 'ballot.closed']);
    }, 90_000);

    it('does nothing for a cancelled ballot', async () => {
      const c = await community(fixtures, 1);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { closesAt: inSeconds(8) });
      ok(await gateway.gql(CANCEL, { id: ballot.id, reason: 'no' }, c.secretariat.token));
      // The close job runs at closesAt and finds the ballot cancelled.
      const queue = new Queue(QUEUES.ballots, {
        connection: { url: gateway.config.REDIS_URL },
        prefix: gateway.config.QUEUE_PREFIX,
      });
      try {
        const jobId = closeJobId(ballot.id, new Date(ballot.closesAt));
        await waitFor(async () => (await queue.getJob(jobId))?.finishedOn, 45_000);
        expect((await queue.getJob(jobId))?.returnvalue).toBe('not-open');
      } finally {
        await queue.close();
      }
      const [row] = await fixtures.query(`SELECT state, outcome FROM ballot WHERE id = $1`, [ballot.id]);
      expect(row).toEqual({ state: 'CANCELLED', outcome: null });
      expect(await outboxTopics(fixtures, ballot.id)).toEqual(['ballot.opened', 'ballot.cancelled']);
    }, 90_000);
  });

  describe('without Redis', () => {
    it('opens the ballot anyway, writes the outbox row, and a worker started later closes it from PostgreSQL', async () => {
      const offline = await startGateway({ REDIS_URL: 'redis://127.0.0.1:1' });
      let worker: INestApplicationContext | undefined;
      try {
        const c = await community(fixtures, 1);
        const tor = await draftTor(offline, c.secretariat.token, c.initiative.id);
        const ballot = await openBallot(offline, c.secretariat.token, tor.id, {
          rule: 'CONSENSUS',
          quorum: 1,
          closesAt: inSeconds(10),
        });
        expect(ballot.status).toBe('OPEN');
        expect(await outboxTopics(fixtures, ballot.id)).toEqual(['ballot.opened']);
        ok(await castVote(offline, c.members[0].token, ballot.id, 'APPROVE'));

        // Redis was empty for this ballot: the worker re-plans every OPEN ballot when it starts.
        worker = await startWorker({});
        const row = await waitFor(async () => {
          const [r] = await fixtures.query(
            `SELECT state, outcome FROM ballot WHERE id = $1 AND closed_persisted_at IS NOT NULL`,
            [ballot.id],
          );
          return r;
        }, 45_000);
        expect(row).toEqual({ state: 'CLOSED', outcome: 'APPROVED' });
        expect(await outboxTopics(fixtures, ballot.id)).toEqual(['ballot.opened', 'ballot.closed']);
      } finally {
        await worker?.close();
        await offline.close();
      }
    }, 90_000);
  });

  it('checks a repeated vote without reading the ballot or the roles again (bench/run: castVote)', async () => {
    const c = await community(fixtures, 2);
    const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
    const ballot = await openBallot(gateway, c.secretariat.token, tor.id);
    const first = await castVote(gateway, c.members[0].token, ballot.id, 'APPROVE');
    const again = await castVote(gateway, c.members[0].token, ballot.id, 'ABSTAIN');
    expect(ok(again).castVote.vote).toMatchObject({ position: 'ABSTAIN', revision: 2 });
    // The first: the ballot's scope, the voter's roles, cast_vote(), the voter; then only the last two.
    expect([first.sqlStatements, again.sqlStatements]).toEqual([4, 2]);
  });

  it('reads a document with many ballots in a constant number of SQL statements', async () => {
    const c = await community(fixtures, 3);
    const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
    const query = `query($id: ID!) { termsOfReference(id: $id) { status approvedVersion { number author { id } } ballots { ${BALLOT_FIELDS} } } }`;
    const statements: number[] = [];
    for (let i = 0; i < 4; i++) {
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id);
      for (const m of c.members) ok(await castVote(gateway, m.token, ballot.id, 'APPROVE'));
      if (i % 2) ok(await gateway.gql(CLOSE, { id: ballot.id }, c.secretariat.token));
      else ok(await gateway.gql(CANCEL, { id: ballot.id, reason: 'r' }, c.secretariat.token));
      const result = await gateway.gql(query, { id: tor.id }, c.members[0].token);
      expect(ok(result).termsOfReference.ballots).toHaveLength(i + 1);
      statements.push(result.sqlStatements);
    }
    expect(statements[3]).toBe(statements[1]);
    expect(statements[3]).toBeLessThanOrEqual(15);
  });
});
