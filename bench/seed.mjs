// Builds the large bench initiative through the real schema and its constraints, fast: rows
// are generated server-side (INSERT ... SELECT FROM generate_series) and the vote chains are
// computed in Node (the same hash chain as the ballots library) and sent as arrays.
//   50 working groups, 5,000 people, 100,000 work items (2,000 per group, owners, deadlines,
//   dependencies), 50 ballots of 1,000 electors and 50,000 vote records.
// Usage: DATABASE_URL=... node bench/seed.mjs   (on a migrated, empty database: bench/seed does it)
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import argon2 from 'argon2';
import {
  ballotId,
  CLOSED_BALLOTS,
  ELECTORS,
  genesisHash,
  GROUPS,
  initiativeId,
  ITEMS_PER_GROUP,
  LARGE_SLUG,
  log,
  memberNo,
  memberNoSql,
  OBSERVERS,
  PEOPLE,
  personId,
  recordHash,
} from './lib/common.mjs';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const db = new pg.Client({ connectionString: url });
await db.connect();
const started = performance.now();
const steps = [];
async function step(name, fn) {
  const t = performance.now();
  const result = await fn();
  const ms = Math.round(performance.now() - t);
  steps.push({ step: name, ms });
  log(`${name}: ${ms} ms`);
  return result;
}

const [{ n: existing }] = (await db.query(`SELECT count(*)::int AS n FROM initiative WHERE slug = $1`, [LARGE_SLUG])).rows;
if (existing) {
  log(`the database already holds ${LARGE_SLUG}: bench/seed recreates the database, run it instead`);
  process.exit(1);
}

const INIT = initiativeId();
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000); // the seed's "now", whole seconds
const DAY = 86_400_000;

await db.query('BEGIN');
await step('organisations and people', async () => {
  const hash = await argon2.hash('bench-secretariat-password');
  await db.query(`
    INSERT INTO organization (id, name, acronym, kind, country)
    SELECT md5('org-' || o)::uuid, 'Organisation ' || o, 'ORG' || o,
           (ARRAY['UN_BODY','GOVERNMENT','CITY','ACADEMIA','PRIVATE_SECTOR','CIVIL_SOCIETY','OTHER'])[1 + o % 7],
           'Country ' || (o % 40)
      FROM generate_series(1, 200) o`);
  await db.query(
    `INSERT INTO person (id, name, email, time_zone, organization_id, password_hash)
     SELECT md5('p-' || n)::uuid, CASE WHEN n = 1 THEN 'Bench Secretariat' ELSE 'Person ' || n END,
            'p' || lpad(n::text, 5, '0') || '@bench.example',
            (ARRAY['Europe/Zurich','UTC','America/New_York','Asia/Tokyo'])[1 + n % 4],
            md5('org-' || (1 + n % 200))::uuid, CASE WHEN n = 1 THEN $1 END
       FROM generate_series(1, ${PEOPLE}) n`,
    [hash],
  );
});

await step('initiative, memberships, 50 groups and their members', async () => {
  await db.query(
    `INSERT INTO initiative (id, slug, name, description, launched_on, time_zone)
     VALUES ($1, $2, 'Bench initiative', 'The large initiative of bench/seed.', '2026-01-01', 'Europe/Zurich')`,
    [INIT, LARGE_SLUG],
  );
  await db.query(
    `INSERT INTO initiative_member (initiative_id, person_id, role)
     SELECT $1, md5('p-' || n)::uuid, CASE WHEN n = 1 THEN 'SECRETARIAT' ELSE 'MEMBER' END FROM generate_series(1, ${PEOPLE}) n`,
    [INIT],
  );
  await db.query(
    `INSERT INTO working_group (id, initiative_id, code, name, mandate)
     SELECT md5('wg-' || g)::uuid, $1, 'WG-' || lpad(g::text, 2, '0'), 'Working group ' || g, 'Mandate of working group ' || g
       FROM generate_series(1, ${GROUPS}) g`,
    [INIT],
  );
  // 1,000 electors per group (2 chairs, 1 vice-chair, 997 members) and 20 observers.
  await db.query(
    `INSERT INTO group_member (working_group_id, initiative_id, person_id, role, since)
     SELECT md5('wg-' || g)::uuid, $1, md5('p-' || ${memberNoSql('g', 'k')})::uuid,
            CASE WHEN k < 2 THEN 'CHAIR' WHEN k = 2 THEN 'VICE_CHAIR' WHEN k < ${ELECTORS} THEN 'MEMBER' ELSE 'OBSERVER' END,
            $2::timestamptz + make_interval(secs => k)
       FROM generate_series(1, ${GROUPS}) g, generate_series(0, ${ELECTORS + OBSERVERS - 1}) k`,
    [INIT, new Date(T0.getTime() - 200 * DAY)],
  );
});

await step('work plans and 100,000 work items', async () => {
  // The current plan of each group, and an older (superseded, empty) one.
  await db.query(
    `INSERT INTO work_plan (id, working_group_id, title, period_start, period_end, status, created_at)
     SELECT md5('wp-old-' || g)::uuid, md5('wg-' || g)::uuid, 'Work plan 2025 of group ' || g, '2025-01-01'::date, '2025-12-31'::date, 'APPROVED',
            $1::timestamptz - interval '300 days'
       FROM generate_series(1, ${GROUPS}) g
     UNION ALL
     SELECT md5('wp-' || g)::uuid, md5('wg-' || g)::uuid, 'Work plan 2026-2027 of group ' || g, '2026-01-01'::date, '2027-12-31'::date, 'APPROVED',
            $1::timestamptz - interval '100 days'
       FROM generate_series(1, ${GROUPS}) g`,
    [T0],
  );
  // Blocks of 100: item 1 of a block is a DELIVERABLE, the others its children; every 20th a
  // MILESTONE. Deadlines: none for 4 %, else between 411 and 32 days ago or 2 and 381 days ahead.
  await db.query(
    `INSERT INTO work_item (id, work_plan_id, parent_id, kind, title, owner_id, due_at, status, percent_complete)
     SELECT md5('wi-' || g || '-' || n)::uuid, md5('wp-' || g)::uuid,
            CASE WHEN n % 100 <> 1 THEN md5('wi-' || g || '-' || (n - (n - 1) % 100))::uuid END,
            CASE WHEN n % 100 = 1 THEN 'DELIVERABLE' WHEN n % 20 = 0 THEN 'MILESTONE' ELSE 'TASK' END,
            'Item ' || g || '.' || n,
            CASE WHEN n % 50 <> 0 THEN md5('p-' || ${memberNoSql('g', `(n * 7) % ${ELECTORS}`)})::uuid END,
            CASE WHEN n % 25 <> 0 THEN date_trunc('day', $1::timestamptz)
                   + make_interval(days => CASE WHEN o < 380 THEN -(32 + o) ELSE 2 + o - 380 END, hours => n % 24) END,
            s.status,
            CASE s.status WHEN 'DONE' THEN 100 WHEN 'IN_PROGRESS' THEN 10 + (n % 9) * 10 ELSE 0 END
       FROM generate_series(1, ${GROUPS}) g, generate_series(1, ${ITEMS_PER_GROUP}) n,
            LATERAL (SELECT (n * 13 + g * 7) % 760 AS o, (n * 37 + g) % 100 AS h) x,
            LATERAL (SELECT CASE WHEN h < 30 THEN 'DONE' WHEN h < 55 THEN 'IN_PROGRESS' WHEN h < 90 THEN 'NOT_STARTED'
                                 WHEN h < 95 THEN 'BLOCKED' ELSE 'CANCELLED' END AS status) s
      ORDER BY g, n`,
    [T0],
  );
  // Dependencies inside a block (so no cycles): even items on the previous one, every 10th on the 5th before.
  await db.query(`
    INSERT INTO work_item_dependency (item_id, depends_on_id, work_plan_id)
    SELECT md5('wi-' || g || '-' || n)::uuid, md5('wi-' || g || '-' || (n - 1))::uuid, md5('wp-' || g)::uuid
      FROM generate_series(1, ${GROUPS}) g, generate_series(2, ${ITEMS_PER_GROUP}) n WHERE n % 2 = 0 AND (n - 1) % 100 <> 0
    UNION ALL
    SELECT md5('wi-' || g || '-' || n)::uuid, md5('wi-' || g || '-' || (n - 5))::uuid, md5('wp-' || g)::uuid
      FROM generate_series(1, ${GROUPS}) g, generate_series(10, ${ITEMS_PER_GROUP}, 10) n WHERE (n - 1) % 100 >= 5`);
});

await step('terms of reference and 50 ballots of 1,000 electors', async () => {
  await db.query(
    `INSERT INTO terms_of_reference (id, initiative_id, working_group_id, title, status, status_before_ballot)
     SELECT md5('tor-' || g)::uuid, $1, md5('wg-' || g)::uuid, 'Terms of reference of group ' || g,
            CASE WHEN g <= ${CLOSED_BALLOTS} THEN 'APPROVED' ELSE 'UNDER_BALLOT' END,
            CASE WHEN g <= ${CLOSED_BALLOTS} THEN NULL ELSE 'DRAFT' END
       FROM generate_series(1, ${GROUPS}) g`,
    [INIT],
  );
  await db.query(
    `INSERT INTO tor_version (id, tor_id, number, body, content_hash, author_id)
     SELECT md5('torv-' || g)::uuid, md5('tor-' || g)::uuid, 1, b.body, encode(sha256(convert_to(b.body, 'UTF8')), 'hex'), $1
       FROM generate_series(1, ${GROUPS}) g, LATERAL (SELECT 'The group ' || g || ' works on its mandate. ' || repeat('Text. ', 200) AS body) b`,
    [personId(1)],
  );
  // Inserted OPEN; the closed ones get their outcome below, once their votes are in.
  await db.query(
    `INSERT INTO ballot (id, tor_id, version_id, opened_by, opens_at, closes_at, rule, quorum, electorate_size)
     SELECT md5('ballot-' || g)::uuid, md5('tor-' || g)::uuid, md5('torv-' || g)::uuid, $1, $2::timestamptz,
            CASE WHEN g <= ${CLOSED_BALLOTS} THEN $3::timestamptz ELSE $4::timestamptz END, 'MAJORITY', 0.5, ${ELECTORS}
       FROM generate_series(1, ${GROUPS}) g`,
    [personId(1), new Date(T0.getTime() - 10 * DAY), new Date(T0.getTime() - DAY), new Date(T0.getTime() + 30 * DAY)],
  );
  await db.query(`
    INSERT INTO ballot_elector (ballot_id, person_id)
    SELECT md5('ballot-' || g)::uuid, gm.person_id
      FROM generate_series(1, ${GROUPS}) g
      JOIN group_member gm ON gm.working_group_id = md5('wg-' || g)::uuid AND gm.role IN ('CHAIR', 'VICE_CHAIR', 'MEMBER')`);
});

await step('50,000 vote records (hash chains) and current votes', async () => {
  const opensAt = T0.getTime() - 10 * DAY;
  const cols = { ballot: [], seq: [], voter: [], position: [], comment: [], castAt: [], revision: [], prev: [], hash: [] };
  const closures = [];
  for (let g = 1; g <= GROUPS; g++) {
    const ballot = ballotId(g);
    let prev = genesisHash(ballot);
    const current = new Map();
    // 960 electors vote; the first 40 of them vote again (revision 2): 1,000 records per ballot.
    for (let i = 0; i < ELECTORS; i++) {
      const revised = i >= 960;
      const voterNo = memberNo(g, revised ? i - 960 : i);
      const r = i % 10;
      const position = revised ? (r < 5 ? 'ABSTAIN' : 'APPROVE') : r < 7 ? 'APPROVE' : r < 9 ? 'ABSTAIN' : 'OBJECT';
      const record = {
        ballotId: ballot,
        voterId: personId(voterNo),
        position,
        comment: position === 'OBJECT' ? `Objection number ${i} on ballot ${g}` : null,
        castAt: new Date(opensAt + (i + 1) * 60_000),
        revision: revised ? 2 : 1,
      };
      const hash = recordHash(prev, record);
      cols.ballot.push(ballot);
      cols.seq.push(i + 1);
      cols.voter.push(record.voterId);
      cols.position.push(position);
      cols.comment.push(record.comment);
      cols.castAt.push(record.castAt.toISOString());
      cols.revision.push(record.revision);
      cols.prev.push(prev);
      cols.hash.push(hash);
      current.set(record.voterId, position);
      prev = hash;
    }
    if (g <= CLOSED_BALLOTS) {
      const tally = { approve: 0, object: 0, abstain: 0 };
      for (const p of current.values()) tally[p.toLowerCase()]++;
      const outcome = 2 * tally.approve > tally.approve + tally.object ? 'APPROVED' : 'REJECTED';
      closures.push({ ballot, tally, outcome, head: prev });
    }
  }
  const BATCH = 10_000;
  for (let from = 0; from < cols.seq.length; from += BATCH) {
    const part = (xs) => xs.slice(from, from + BATCH);
    await db.query(
      `INSERT INTO vote_record (ballot_id, seq, voter_id, position, comment, cast_at, revision, prev_hash, hash)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::text[], $9::text[])`,
      [
        part(cols.ballot),
        part(cols.seq),
        part(cols.voter),
        part(cols.position),
        part(cols.comment),
        part(cols.castAt),
        part(cols.revision),
        part(cols.prev),
        part(cols.hash),
      ],
    );
  }
  // Only cast_vote() may write current_vote (a trigger refuses others): the seed writes what it
  // would, in bulk, with that guard lifted inside this transaction (the table owner's privilege);
  // the other guard still checks every row against the chain.
  await db.query(`ALTER TABLE current_vote DISABLE TRIGGER current_vote_through_cast_vote`);
  await db.query(`
    INSERT INTO current_vote (ballot_id, voter_id, record_id, position, revision)
    SELECT DISTINCT ON (ballot_id, voter_id) ballot_id, voter_id, id, position, revision
      FROM vote_record ORDER BY ballot_id, voter_id, revision DESC`);
  await db.query(`ALTER TABLE current_vote ENABLE TRIGGER current_vote_through_cast_vote`);
  for (const c of closures) {
    await db.query(
      `UPDATE ballot SET state = 'CLOSED', closed_persisted_at = closes_at, outcome = $2,
              final_approve = $3, final_object = $4, final_abstain = $5, chain_head = $6 WHERE id = $1`,
      [c.ballot, c.outcome, c.tally.approve, c.tally.object, c.tally.abstain, c.head],
    );
  }
  // The open ballots' "opened" reminders count as sent (the worker would plan and send them once).
  await db.query(
    `INSERT INTO planned_reminder (job_id, kind, subject_id, initiative_id, recipient_key, lead_ms, due_at, fire_at, fired_at)
     SELECT 'rem_BALLOT_OPENED_' || b.id || '_electorate_0_' || (extract(epoch FROM b.opens_at) * 1000)::bigint,
            'BALLOT_OPENED', b.id, $1, 'electorate', 0, b.opens_at, b.opens_at, b.opens_at
       FROM ballot b WHERE b.state = 'OPEN'`,
    [INIT],
  );
});

// The pages of meetings and KPIs at bench scale: the initiative's first meeting (CLOSED, two
// sessions, a 30-item agenda linked to ballots and plans, 1,000 invitees, 10 decisions) and a
// catalogue of 100 KPIs.
await step('a meeting with a 30-item agenda, and 100 KPIs', async () => {
  await db.query(
    `INSERT INTO meeting (id, initiative_id, number, title, venue, time_zone, status)
     VALUES (md5('meeting-1')::uuid, $1, 1, 'First meeting of the bench initiative', 'Geneva', 'Europe/Zurich', 'CLOSED')`,
    [INIT],
  );
  await db.query(
    `INSERT INTO meeting_session (meeting_id, starts_at, ends_at, title)
     VALUES (md5('meeting-1')::uuid, '2016-07-21 15:00Z', '2016-07-21 17:00Z', 'Day 1'),
            (md5('meeting-1')::uuid, '2016-07-22 07:00Z', '2016-07-22 14:00Z', 'Day 2')`,
  );
  await db.query(
    `INSERT INTO agenda_item (id, meeting_id, position, title, kind, ballot_id, terms_of_reference_id, work_plan_id, presenter_id)
     SELECT md5('agenda-' || n)::uuid, md5('meeting-1')::uuid, n, 'Agenda item ' || n,
            CASE WHEN n % 3 = 0 THEN 'DECISION' WHEN n % 3 = 1 THEN 'DISCUSSION' ELSE 'INFORMATION' END,
            md5('ballot-' || n)::uuid, md5('tor-' || n)::uuid, md5('wp-' || n)::uuid, md5('p-' || ${memberNoSql('n', '0')})::uuid
       FROM generate_series(1, 30) n`,
  );
  await db.query(
    `INSERT INTO meeting_participant (meeting_id, person_id, response, attended)
     SELECT md5('meeting-1')::uuid, md5('p-' || n)::uuid, 'ATTENDING', n % 4 <> 0 FROM generate_series(1, 1000) n`,
  );
  await db.query(
    `INSERT INTO decision (meeting_id, seq, number, text, agenda_item_id, ballot_id, recorded_by)
     SELECT md5('meeting-1')::uuid, n, 'BENCH-1/' || n, 'Decision ' || n, md5('agenda-' || (n * 3))::uuid,
            md5('ballot-' || (n * 3))::uuid, md5('p-1')::uuid
       FROM generate_series(1, 10) n`,
  );
  await db.query(
    `INSERT INTO minutes (meeting_id, body, status, approved_at, approved_by)
     VALUES (md5('meeting-1')::uuid, '# Minutes' || repeat(E'\n\nA paragraph of minutes.', 200), 'FINAL', '2016-09-01Z', md5('p-1')::uuid)`,
  );
  await db.query(
    `INSERT INTO kpi (initiative_id, code, name, dimension, sub_dimension, category, level, definition, unit)
     SELECT $1, 'BK:' || lpad(n::text, 3, '0'), 'Bench indicator ' || n,
            (ARRAY['ECONOMY','ENVIRONMENT','SOCIETY_AND_CULTURE'])[1 + n % 3], 'Sub-dimension ' || (n % 7), 'Category ' || (n % 11),
            CASE WHEN n % 3 = 0 THEN 'ADVANCED' ELSE 'CORE' END, 'How indicator ' || n || ' is computed.', 'percent'
       FROM generate_series(1, 100) n`,
    [INIT],
  );
});
await db.query('COMMIT');

// VACUUM as autovacuum would after a bulk load: visibility map set, so index-only scans are costed right.
await step('VACUUM ANALYZE', () => db.query('VACUUM ANALYZE'));

const counts = (
  await db.query(
    `SELECT
    (SELECT count(*) FROM working_group WHERE initiative_id = $1)::int AS "workingGroups",
    (SELECT count(*) FROM person)::int AS people,
    (SELECT count(*) FROM work_item)::int AS "workItems",
    (SELECT count(*) FROM work_item WHERE owner_id IS NOT NULL)::int AS "ownedItems",
    (SELECT count(*) FROM work_item WHERE due_at IS NOT NULL)::int AS "itemsWithDeadline",
    (SELECT count(*) FROM work_item_dependency)::int AS dependencies,
    (SELECT count(*) FROM ballot)::int AS ballots,
    (SELECT count(*) FROM ballot_elector)::int AS electors,
    (SELECT count(*) FROM vote_record)::int AS "voteRecords",
    (SELECT count(*) FROM current_vote)::int AS "currentVotes",
    (SELECT count(*) FROM agenda_item)::int AS "agendaItems",
    (SELECT count(*) FROM kpi)::int AS kpis`,
    [INIT],
  )
).rows[0];
await db.end();
const seconds = Math.round(performance.now() - started) / 1000;
log(`seeded in ${seconds} s:`, JSON.stringify(counts));
const summary = { seconds, counts, steps, at: new Date().toISOString() };
mkdirSync(new URL('../.data/', import.meta.url), { recursive: true });
writeFileSync(new URL('../.data/bench-seed.json', import.meta.url), JSON.stringify(summary, null, 2));
console.log(JSON.stringify(summary));
