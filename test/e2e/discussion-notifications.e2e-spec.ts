import { ok } from '../support/gateway-harness';
import { REVISE } from '../support/tor-fixtures';
import { useDatabaseOfItsOwn } from '../support/own-database';
import { sleep, useReminderStack } from '../support/reminders';
import { ACCEPT, comment, draftDocument, propose } from '../support/discussion-fixtures';

useDatabaseOfItsOwn();

/** A whole-hour zone where the local hour is now within [from, to] (the digest goes out after 08:00). */
function zoneWithLocalHour(from: number, to: number): string {
  for (let offset = -11; offset <= 14; offset++) {
    const zone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()),
    );
    if (hour >= from && hour <= to) return zone;
  }
  throw new Error('no zone');
}

describe('discussion notifications (real worker and SMTP sink)', () => {
  const { gateway, sink, fx } = useReminderStack({ gateway: true, worker: { DIGEST_EVERY_MS: '1000' } });

  const kinds = async (personId: string) =>
    (
      await fx.query<{ kind: string; n: number; emailed: number }>(
        `SELECT kind, count(*)::int AS n, count(emailed_at)::int AS emailed FROM notification WHERE person_id = $1 GROUP BY kind ORDER BY kind`,
        [personId],
      )
    ).map((r) => [r.kind, r.n, r.emailed]);

  async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 45_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`${what} did not happen`);
      await sleep(200);
    }
  }

  it('tells the chairs of proposals, the authors of replies and of a superseded version, as each one’s e-mail mode says: one digest line per document and kind', async () => {
    const digestZone = zoneWithLocalHour(9, 22);
    const initiative = await fx.initiative({ name: 'U4SSC' });
    const busyChair = await fx.person(initiative.id, 'SECRETARIAT', { timeZone: digestZone });
    const quickChair = await fx.person(initiative.id, 'SECRETARIAT');
    const ana = await fx.person(initiative.id, 'MEMBER', { timeZone: digestZone });
    const bo = await fx.person(initiative.id, 'MEMBER');
    // Today's digest counts as sent until the test moves the digest's clock to "08:00".
    await fx.query(
      `INSERT INTO notification_preferences (person_id, email_mode, digest_sent_on)
       SELECT id, 'DAILY_DIGEST', (now() AT TIME ZONE time_zone)::date FROM person WHERE id = ANY($1::uuid[])`,
      [[busyChair.id, ana.id]],
    );

    const tor = await draftDocument(gateway, busyChair.token, initiative.id);
    const first = await comment(gateway, bo.token, { termsOfReferenceId: tor.id, paragraph: 1, body: 'Which cities?' });
    await comment(gateway, ana.token, { termsOfReferenceId: tor.id, parentId: first.id, body: 'All of them.' });
    const amendments = [
      await propose(gateway, ana.token, tor.id, 1, 'Purpose: smart sustainable cities.'),
      await propose(gateway, ana.token, tor.id, 2, 'Membership: open to cities and UN bodies.'),
      await propose(gateway, ana.token, tor.id, 3, 'Meetings: once a year.'),
    ];
    ok(
      await gateway.gql(
        ACCEPT,
        { input: { termsOfReferenceId: tor.id, amendmentIds: [amendments[0].id, amendments[1].id], resolution: 'Agreed' } },
        quickChair.token,
      ),
    );

    // In-app: every event is a notification of its own.
    await until(async () => (await kinds(ana.id)).length === 2 && (await kinds(bo.id)).length === 1, 'the notifications');
    await sink.waitFor(() => sink.to(quickChair.email).length >= 3 && sink.to(bo.email).length >= 2, 30_000);
    await sleep(1500);
    expect(await kinds(busyChair.id)).toEqual([['AMENDMENT_PROPOSED', 3, 0]]);
    expect(await kinds(quickChair.id)).toEqual([['AMENDMENT_PROPOSED', 3, 3]]);
    // Ana: her two accepted amendments and her pending one on the superseded version; her reply on it.
    expect(await kinds(ana.id)).toEqual([
      ['AMENDMENT_RESOLVED', 3, 0],
      ['COMMENT_REPLY', 1, 0],
    ]);
    // Bo: the reply to his comment, and the new version superseding the one he commented on.
    expect(await kinds(bo.id)).toEqual([['COMMENT_REPLY', 2, 2]]);
    expect(sink.to(quickChair.email).map((m) => m.subject)).toEqual(
      Array(3).fill('Amendment proposed: Terms of reference / Amendement proposé : Terms of reference'),
    );
    expect(
      sink
        .to(bo.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      'New version of Terms of reference / Nouvelle version de Terms of reference',
      'Reply to your comment: Terms of reference / Réponse à votre commentaire : Terms of reference',
    ]);
    expect(sink.to(busyChair.email)).toHaveLength(0);
    expect(sink.to(ana.email)).toHaveLength(0);

    // 08:00 in their zone: one digest each, one line per document and kind.
    await fx.query(`UPDATE notification_preferences SET digest_sent_on = digest_sent_on - 1 WHERE person_id = ANY($1::uuid[])`, [
      [busyChair.id, ana.id],
    ]);
    await sink.waitFor(() => sink.to(busyChair.email).length >= 1 && sink.to(ana.email).length >= 1, 30_000);
    await sleep(2500);
    const [chairDigest] = sink.to(busyChair.email);
    expect(sink.to(busyChair.email)).toHaveLength(1);
    expect(chairDigest.subject).toMatch(/^Daily digest: 1 notification \(\d{4}-\d{2}-\d{2}\)$/);
    expect(chairDigest.text?.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- 3 amendments proposed: Terms of reference / 3 amendements proposés : Terms of reference',
    ]);
    const [anaDigest] = sink.to(ana.email);
    expect(sink.to(ana.email)).toHaveLength(1);
    expect(anaDigest.subject).toMatch(/^Daily digest: 2 notifications \(\d{4}-\d{2}-\d{2}\)$/);
    expect(anaDigest.text?.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- 3 updates on your amendments: Terms of reference / 3 nouvelles de vos amendements : Terms of reference',
      '- New version of Terms of reference / Nouvelle version de Terms of reference',
    ]);
    expect(await kinds(ana.id)).toEqual([
      ['AMENDMENT_RESOLVED', 3, 3],
      ['COMMENT_REPLY', 1, 1],
    ]);
  }, 120_000);

  it('tells those who discussed a version when reviseTermsOfReference supersedes it, once per person', async () => {
    const initiative = await fx.initiative({ name: 'U4SSC' });
    const secretariat = await fx.person(initiative.id, 'SECRETARIAT');
    const cy = await fx.person(initiative.id, 'MEMBER');
    const tor = await draftDocument(gateway, secretariat.token, initiative.id);
    await comment(gateway, cy.token, { termsOfReferenceId: tor.id, paragraph: 1, body: 'Which cities?' });
    const pending = await propose(gateway, cy.token, tor.id, 2, 'Membership: open to cities.');
    ok(
      await gateway.gql(
        REVISE,
        { input: { termsOfReferenceId: tor.id, body: 'Purpose: cities.\n\nMembership: open.' } },
        secretariat.token,
      ),
    );
    await sink.waitFor(() => sink.to(cy.email).length >= 2, 30_000);
    await sleep(1500);
    expect(
      sink
        .to(cy.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      'New version of Terms of reference / Nouvelle version de Terms of reference',
      'New version of Terms of reference / Nouvelle version de Terms of reference',
    ]);
    expect(await kinds(cy.id)).toEqual([
      ['AMENDMENT_RESOLVED', 1, 1],
      ['COMMENT_REPLY', 1, 1],
    ]);
    const [resolved] = await fx.query<{ subject_id: string }>(
      `SELECT subject_id FROM notification WHERE person_id = $1 AND kind = 'AMENDMENT_RESOLVED'`,
      [cy.id],
    );
    expect(resolved.subject_id).toBe(pending.id);
  }, 90_000);
});
