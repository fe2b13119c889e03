import type { EntityManager } from 'typeorm';
import { writeOutbox } from '@app/platform';
import { DEMO_INITIATIVE_SLUG } from './demo-structure.seed';
import type { SeedStep } from './seed-step';

/** How long the demo ballot stays open after the seed first runs: a demo, so weeks. */
export const DEMO_BALLOT_OPEN_DAYS = 28;

/**
 * An OPEN ballot on the initiative's terms of reference (MAJORITY, quorum one half, electorate:
 * the initiative's MEMBERs), so that a member can vote in the browser right after `npm run up`.
 * Opened once: when the document has had a ballot (open or not), a later run changes nothing.
 * Same statements as BallotsService.open, including the outbox event that plans its reminders.
 */
export const demoBallotSeed: SeedStep = {
  name: 'demo ballot',
  async run(m: EntityManager): Promise<void> {
    const [tor] = (await m.query(
      `SELECT t.id, t.initiative_id AS "initiativeId"
         FROM terms_of_reference t JOIN initiative i ON i.id = t.initiative_id
        WHERE i.slug = $1 AND t.working_group_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM ballot b WHERE b.tor_id = t.id)
        FOR UPDATE OF t`,
      [DEMO_INITIATIVE_SLUG],
    )) as { id: string; initiativeId: string }[];
    if (!tor) return;
    const [ballot] = (await m.query(
      `WITH electors AS (SELECT person_id FROM initiative_member WHERE initiative_id = $2 AND role = 'MEMBER'),
            version AS (SELECT id FROM tor_version WHERE tor_id = $1 ORDER BY number DESC LIMIT 1),
            opener AS (SELECT id FROM person WHERE lower(email) = 'secretariat@u4ssc.example'),
            b AS (
              INSERT INTO ballot (tor_id, version_id, opened_by, opens_at, closes_at, rule, quorum, electorate_size)
              SELECT $1, version.id, opener.id, date_trunc('milliseconds', clock_timestamp()),
                     date_trunc('hour', clock_timestamp()) + make_interval(days => $3::int), 'MAJORITY', 0.5,
                     (SELECT count(*) FROM electors)
                FROM version, opener
              RETURNING id, closes_at, electorate_size),
            e AS (INSERT INTO ballot_elector (ballot_id, person_id) SELECT b.id, electors.person_id FROM b, electors RETURNING 1)
       SELECT b.id, b.closes_at AS "closesAt", b.electorate_size AS "electorateSize" FROM b`,
      [tor.id, tor.initiativeId, DEMO_BALLOT_OPEN_DAYS],
    )) as { id: string; closesAt: Date; electorateSize: number }[];
    await m.query(`UPDATE terms_of_reference SET status_before_ballot = status, status = 'UNDER_BALLOT' WHERE id = $1`, [tor.id]);
    await writeOutbox(m, 'ballot.opened', ballot.id, {
      termsOfReferenceId: tor.id,
      initiativeId: tor.initiativeId,
      workingGroupId: null,
      closesAt: ballot.closesAt.toISOString(),
      electorateSize: ballot.electorateSize,
    });
  },
};
