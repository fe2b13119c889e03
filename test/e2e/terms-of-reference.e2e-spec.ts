import { createHash } from 'node:crypto';
import { useFixtures } from '../support/fixtures';
import { errorCodes, ok, useGateway } from '../support/gateway-harness';
import { CANCEL, castVote, CLOSE, community, DRAFT, draftTor, expire, openBallot, REVISE, TOR } from '../support/tor-fixtures';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('terms of reference', () => {
  const gateway = useGateway();
  const fixtures = useFixtures();

  describe('draftTermsOfReference', () => {
    it('drafts the initiative document with version 1 (SECRETARIAT), once', async () => {
      const c = await community(fixtures, 1);
      const body = 'Purpose: cities.\nMembership: open.';
      const result = await gateway.gql(
        DRAFT,
        { input: { initiativeId: c.initiative.id, title: '  U4SSC ToR ', body } },
        c.secretariat.token,
      );
      const tor = ok(result).draftTermsOfReference;
      expect(tor).toMatchObject({
        title: 'U4SSC ToR',
        status: 'DRAFT',
        initiative: { id: c.initiative.id },
        workingGroup: null,
        approvedVersion: null,
        ballots: [],
      });
      expect(tor.versions).toHaveLength(1);
      expect(tor.versions[0]).toMatchObject({
        number: 1,
        body,
        contentHash: sha256(body),
        changeSummary: null,
        author: { id: c.secretariat.id },
      });
      expect(tor.currentVersion).toEqual({ id: tor.versions[0].id, number: 1 });

      const again = await gateway.gql(
        DRAFT,
        { input: { initiativeId: c.initiative.id, title: 'Second', body } },
        c.secretariat.token,
      );
      expect(errorCodes(again)).toEqual(['CONFLICT']);
      const count = await fixtures.query(`SELECT 1 FROM terms_of_reference WHERE initiative_id = $1`, [c.initiative.id]);
      expect(count).toHaveLength(1);
    });

    it('refuses members, observers, outsiders, anonymous callers, bad ids and blank fields', async () => {
      const c = await community(fixtures, 1);
      const input = { initiativeId: c.initiative.id, title: 'ToR', body: 'Body' };
      expect(errorCodes(await gateway.gql(DRAFT, { input }, c.members[0].token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(DRAFT, { input }, c.observer.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(DRAFT, { input }, c.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(DRAFT, { input }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gateway.gql(DRAFT, { input: { ...input, initiativeId: 'nope' } }, c.secretariat.token))).toEqual([
        'NOT_FOUND',
      ]);
      const blank = await gateway.gql(DRAFT, { input: { ...input, title: '   ' } }, c.secretariat.token);
      expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
      expect(blank.errors?.[0].extensions.fields).toEqual([
        { field: expect.stringMatching(/(^|\.)title$/), message: 'must not be blank' },
      ]);
      expect(errorCodes(await gateway.gql(DRAFT, { input: { ...input, body: '' } }, c.secretariat.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(await fixtures.query(`SELECT 1 FROM terms_of_reference WHERE initiative_id = $1`, [c.initiative.id])).toHaveLength(
        0,
      );
    });

    it("drafts a group's document by its CHAIR or VICE_CHAIR only, once per group", async () => {
      const c = await community(fixtures, 3);
      const group = await fixtures.group(c.initiative.id);
      const other = await fixtures.group(c.initiative.id);
      const [chair, vice, member] = c.members;
      await fixtures.groupRole(group.id, chair.id, 'CHAIR');
      await fixtures.groupRole(group.id, vice.id, 'VICE_CHAIR');
      await fixtures.groupRole(group.id, member.id, 'MEMBER');
      await fixtures.groupRole(other.id, member.id, 'CHAIR');
      const input = (workingGroupId: string) => ({
        input: { initiativeId: c.initiative.id, workingGroupId, title: 'WG ToR', body: 'Mandate' },
      });

      expect(errorCodes(await gateway.gql(DRAFT, input(group.id), c.secretariat.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(DRAFT, input(group.id), member.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(DRAFT, input(group.id), c.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(DRAFT, input('00000000-0000-4000-8000-000000000000'), chair.token))).toEqual([
        'NOT_FOUND',
      ]);

      const tor = ok(await gateway.gql(DRAFT, input(group.id), vice.token)).draftTermsOfReference;
      expect(tor).toMatchObject({ status: 'DRAFT', workingGroup: { id: group.id }, initiative: { id: c.initiative.id } });
      expect(errorCodes(await gateway.gql(DRAFT, input(group.id), chair.token))).toEqual(['CONFLICT']);
      // The chair of another group drafts theirs; the initiative may still draft its own.
      expect(ok(await gateway.gql(DRAFT, input(other.id), member.token)).draftTermsOfReference.workingGroup).toEqual({
        id: other.id,
      });
      expect(
        ok(await gateway.gql(DRAFT, { input: { initiativeId: c.initiative.id, title: 'ToR', body: 'B' } }, c.secretariat.token))
          .draftTermsOfReference.workingGroup,
      ).toBeNull();
    });
  });

  describe('reviseTermsOfReference and termsOfReference', () => {
    it('adds numbered versions with hash, author and change summary', async () => {
      const c = await community(fixtures, 1);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const v2 = ok(
        await gateway.gql(
          REVISE,
          { input: { termsOfReferenceId: tor.id, body: 'Version two', changeSummary: 'Quorum' } },
          c.secretariat.token,
        ),
      ).reviseTermsOfReference;
      expect(v2).toMatchObject({
        number: 2,
        body: 'Version two',
        contentHash: sha256('Version two'),
        changeSummary: 'Quorum',
        author: { id: c.secretariat.id },
      });
      const v3 = ok(
        await gateway.gql(REVISE, { input: { termsOfReferenceId: tor.id, body: 'Version three' } }, c.secretariat.token),
      ).reviseTermsOfReference;
      expect(v3.number).toBe(3);

      const read = ok(await gateway.gql(TOR, { id: tor.id }, c.observer.token)).termsOfReference;
      expect(read.versions.map((v: { number: number }) => v.number)).toEqual([1, 2, 3]);
      expect(read.currentVersion).toEqual({ id: v3.id, number: 3 });
      expect(read.status).toBe('DRAFT');
    });

    it('refuses members, outsiders and unknown ids; reads are NOT_FOUND outside the initiative', async () => {
      const c = await community(fixtures, 1);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const input = { termsOfReferenceId: tor.id, body: 'x' };
      expect(errorCodes(await gateway.gql(REVISE, { input }, c.members[0].token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await gateway.gql(REVISE, { input }, c.outsider.token))).toEqual(['NOT_FOUND']);
      expect(
        errorCodes(await gateway.gql(REVISE, { input: { ...input, termsOfReferenceId: 'x' } }, c.secretariat.token)),
      ).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(REVISE, { input: { ...input, body: ' ' } }, c.secretariat.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(errorCodes(await gateway.gql(TOR, { id: tor.id }, c.outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(TOR, { id: 'not-a-uuid' }, c.secretariat.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await gateway.gql(TOR, { id: '00000000-0000-4000-8000-000000000000' }, c.secretariat.token))).toEqual([
        'NOT_FOUND',
      ]);
      expect(errorCodes(await gateway.gql(TOR, { id: tor.id }))).toEqual(['UNAUTHENTICATED']);
      expect(await fixtures.query(`SELECT 1 FROM tor_version WHERE tor_id = $1`, [tor.id])).toHaveLength(1);
    });

    it('is reachable from Initiative.termsOfReference and WorkingGroup.termsOfReference', async () => {
      const c = await community(fixtures, 1);
      const group = await fixtures.group(c.initiative.id);
      await fixtures.groupRole(group.id, c.members[0].id, 'CHAIR');
      const own = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const groupTor = await draftTor(gateway, c.members[0].token, c.initiative.id, group.id);
      const result = ok(
        await gateway.gql(
          `query($slug: String!, $id: ID!) {
             initiative(slug: $slug) { termsOfReference { id } workingGroups { id termsOfReference { id workingGroup { id } } } }
             workingGroup(id: $id) { termsOfReference { id status } }
           }`,
          { slug: c.initiative.slug, id: group.id },
          c.observer.token,
        ),
      );
      expect(result.initiative.termsOfReference).toEqual({ id: own.id });
      expect(result.initiative.workingGroups).toEqual([
        { id: group.id, termsOfReference: { id: groupTor.id, workingGroup: { id: group.id } } },
      ]);
      expect(result.workingGroup.termsOfReference).toEqual({ id: groupTor.id, status: 'DRAFT' });
    });
  });

  describe('status transitions', () => {
    const status = async (token: string, id: string) => ok(await gateway.gql(TOR, { id }, token)).termsOfReference;

    it('DRAFT -> UNDER_BALLOT -> (cancel) DRAFT -> UNDER_BALLOT -> APPROVED -> (revise) DRAFT -> REJECTED -> (cancel) REJECTED', async () => {
      const c = await community(fixtures, 2);
      const [a, b] = c.members;
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      expect((await status(a.token, tor.id)).status).toBe('DRAFT');

      const first = await openBallot(gateway, c.secretariat.token, tor.id);
      expect(first.termsOfReference.status).toBe('UNDER_BALLOT');
      // CONFLICT while a ballot is OPEN, and nothing changes.
      const refused = await gateway.gql(REVISE, { input: { termsOfReferenceId: tor.id, body: 'v2' } }, c.secretariat.token);
      expect(errorCodes(refused)).toEqual(['CONFLICT']);
      ok(await gateway.gql(CANCEL, { id: first.id, reason: 'Wrong text' }, c.secretariat.token));
      expect((await status(a.token, tor.id)).status).toBe('DRAFT');

      const second = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'CONSENSUS', quorum: 1 });
      ok(await castVote(gateway, a.token, second.id, 'APPROVE'));
      ok(await castVote(gateway, b.token, second.id, 'ABSTAIN'));
      const closed = ok(await gateway.gql(CLOSE, { id: second.id }, c.secretariat.token)).closeBallot;
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'APPROVED', termsOfReference: { status: 'APPROVED' } });
      let read = await status(a.token, tor.id);
      expect(read).toMatchObject({ status: 'APPROVED', approvedVersion: { number: 1 } });
      expect(read.ballots.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
        [second.id, 'CLOSED'],
        [first.id, 'CANCELLED'],
      ]);

      ok(await gateway.gql(REVISE, { input: { termsOfReferenceId: tor.id, body: 'v2' } }, c.secretariat.token));
      read = await status(a.token, tor.id);
      expect(read).toMatchObject({ status: 'DRAFT', currentVersion: { number: 2 }, approvedVersion: { number: 1 } });

      const third = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'MAJORITY', quorum: 0.5 });
      expect(third.version.number).toBe(2);
      ok(await castVote(gateway, a.token, third.id, 'OBJECT', 'Not clear'));
      ok(await gateway.gql(CLOSE, { id: third.id }, c.secretariat.token));
      read = await status(a.token, tor.id);
      expect(read).toMatchObject({ status: 'REJECTED', approvedVersion: { number: 1 } });

      const fourth = await openBallot(gateway, c.secretariat.token, tor.id);
      expect((await status(a.token, tor.id)).status).toBe('UNDER_BALLOT');
      ok(await gateway.gql(CANCEL, { id: fourth.id, reason: 'Meeting moved' }, c.secretariat.token));
      expect((await status(a.token, tor.id)).status).toBe('REJECTED');
    });

    it('NO_QUORUM rejects; a ballot past closesAt decides the status before any job runs', async () => {
      const c = await community(fixtures, 3);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'CONSENSUS', quorum: 1 });
      ok(await castVote(gateway, c.members[0].token, ballot.id, 'APPROVE'));
      await expire(fixtures, ballot.id);
      const read = await status(c.members[1].token, tor.id);
      expect(read).toMatchObject({ status: 'REJECTED', approvedVersion: null, ballots: [{ id: ballot.id, status: 'CLOSED' }] });
      const [row] = await fixtures.query(`SELECT status FROM terms_of_reference WHERE id = $1`, [tor.id]);
      expect(row.status).toBe('UNDER_BALLOT');

      // Revising settles the expired ballot in the same transaction and returns the document to DRAFT.
      const v2 = ok(
        await gateway.gql(REVISE, { input: { termsOfReferenceId: tor.id, body: 'v2' } }, c.secretariat.token),
      ).reviseTermsOfReference;
      expect(v2.number).toBe(2);
      const [settled] = await fixtures.query(`SELECT state, outcome, final_approve FROM ballot WHERE id = $1`, [ballot.id]);
      expect(settled).toEqual({ state: 'CLOSED', outcome: 'NO_QUORUM', final_approve: 1 });
      expect((await status(c.members[1].token, tor.id)).status).toBe('DRAFT');
    });

    it('an expired approving ballot reads APPROVED with its version in force', async () => {
      const c = await community(fixtures, 2);
      const tor = await draftTor(gateway, c.secretariat.token, c.initiative.id);
      const ballot = await openBallot(gateway, c.secretariat.token, tor.id, { rule: 'TWO_THIRDS', quorum: 0.5 });
      ok(await castVote(gateway, c.members[0].token, ballot.id, 'APPROVE'));
      await expire(fixtures, ballot.id);
      expect(await status(c.observer.token, tor.id)).toMatchObject({ status: 'APPROVED', approvedVersion: { number: 1 } });
    });
  });
});
