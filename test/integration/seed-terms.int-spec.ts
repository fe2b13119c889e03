import { createHash } from 'node:crypto';
import { DEMO_INITIATIVE_TOR } from '../../apps/cli/src/seed/demo-terms.seed';
import { useDemoSeeder } from '../support/demo-seeder';

/**
 * The demo seed's terms of reference: one for the initiative, UNDER_BALLOT in an OPEN ballot, and a
 * DRAFT per group, idempotently.
 */
describe('demo seed: terms of reference', () => {
  const { fx, seed } = useDemoSeeder();

  it('creates version 1 documents with their authors, and a second run changes nothing', async () => {
    await seed();
    const snapshot = () =>
      fx.query(
        `SELECT coalesce(g.code, '-') AS code, t.id, t.status, v.number, v.content_hash, lower(p.email) AS author
           FROM initiative i JOIN terms_of_reference t ON t.initiative_id = i.id
           LEFT JOIN working_group g ON g.id = t.working_group_id
           JOIN tor_version v ON v.tor_id = t.id JOIN person p ON p.id = v.author_id
          WHERE i.slug = 'u4ssc' ORDER BY code, v.number`,
      );
    const first = await snapshot();
    await seed();
    expect(await snapshot()).toEqual(first);
    expect(first.map((r) => [r.code, r.status, r.number, r.author])).toEqual([
      ['-', 'UNDER_BALLOT', 1, 'secretariat@u4ssc.example'],
      ['WG1', 'DRAFT', 1, 'chair.wg1@u4ssc.example'],
      ['WG2', 'DRAFT', 1, 'chair.wg2@u4ssc.example'],
      ['WG3', 'DRAFT', 1, 'chair.wg3@u4ssc.example'],
    ]);
    expect(first[0].content_hash).toBe(createHash('sha256').update(DEMO_INITIATIVE_TOR).digest('hex'));
    for (const heading of ['Purpose', 'Membership', 'Structure', 'Decision making', 'Working groups', 'Meetings']) {
      expect(DEMO_INITIATIVE_TOR).toContain(heading);
    }
  });

  it('opens one MAJORITY ballot on the initiative terms for its 16 MEMBERs, closing 28 days on, once', async () => {
    await seed();
    const ballots = () =>
      fx.query<{ id: string; rule: string; quorum: number; electorate_size: number; days: number; electors: number }>(
        `SELECT b.id, b.rule, b.quorum, b.electorate_size, round(extract(epoch FROM b.closes_at - b.opens_at) / 86400)::int AS days,
                (SELECT count(*)::int FROM ballot_elector e WHERE e.ballot_id = b.id) AS electors
           FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id JOIN initiative i ON i.id = t.initiative_id
          WHERE i.slug = 'u4ssc' AND t.working_group_id IS NULL`,
      );
    const first = await ballots();
    await seed();
    expect(await ballots()).toEqual(first);
    expect(
      first.map(({ rule, quorum, electorate_size, days, electors }) => ({ rule, quorum, electorate_size, days, electors })),
    ).toEqual([{ rule: 'MAJORITY', quorum: 0.5, electorate_size: 16, days: 28, electors: 16 }]);
    // OPEN now, member01 is an elector, and nobody has voted yet.
    const [now] = await fx.query(
      `SELECT b.state, b.closes_at > now() AS "beforeClosing",
              EXISTS (SELECT 1 FROM ballot_elector e JOIN person p ON p.id = e.person_id
                       WHERE e.ballot_id = b.id AND lower(p.email) = 'member01@u4ssc.example') AS "member01Elector",
              (SELECT count(*)::int FROM vote_record r WHERE r.ballot_id = b.id) AS votes
         FROM ballot b WHERE b.id = $1`,
      [first[0].id],
    );
    expect(now).toEqual({ state: 'OPEN', beforeClosing: true, member01Elector: true, votes: 0 });
    const outbox = await fx.query(`SELECT topic FROM outbox_event WHERE subject_id = $1`, [first[0].id]);
    expect(outbox).toEqual([{ topic: 'ballot.opened' }]);
  });
});
