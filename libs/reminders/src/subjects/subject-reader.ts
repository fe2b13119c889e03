import type { EntityManager } from 'typeorm';
import type { NotificationDetails } from '../delivery/notification-text';
import type { RecipientFacts } from '../planning/recipients';
import { type BallotSubject, DEFAULT_POLICY, type ReminderPolicyRule, type ReminderSubject } from '../planning/reminder-plan';

/** A deadline-bearing subject, by type and id. */
export interface SubjectRef {
  type: 'WORK_ITEM' | 'BALLOT';
  id: string;
}

export type Db = Pick<EntityManager, 'query'>;

export function subjectTypeOfKind(kind: string): SubjectRef['type'] {
  return kind.startsWith('WORK_ITEM') ? 'WORK_ITEM' : 'BALLOT';
}

const byType = (refs: SubjectRef[], type: SubjectRef['type']) => [
  ...new Set(refs.filter((r) => r.type === type).map((r) => r.id)),
];

/**
 * Current state of a subject, read from PostgreSQL (never from event payloads); null when it
 * no longer exists.
 */
export async function loadSubject(db: Db, ref: SubjectRef): Promise<ReminderSubject | null> {
  return (await loadSubjects(db, [ref])).get(ref.id) ?? null;
}

/** Current state of many subjects (two queries at most), by id; missing subjects are absent. */
export async function loadSubjects(db: Db, refs: SubjectRef[]): Promise<Map<string, ReminderSubject>> {
  const found = new Map<string, ReminderSubject>();
  const items = byType(refs, 'WORK_ITEM');
  const ballots = byType(refs, 'BALLOT');
  if (items.length) {
    const rows = (await db.query(
      `SELECT i.id, g.initiative_id AS "initiativeId", i.owner_id AS "ownerId", i.due_at AS "dueAt", i.status
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id
        WHERE i.id = ANY($1::uuid[])`,
      [items],
    )) as { id: string; initiativeId: string; ownerId: string | null; dueAt: Date | null; status: string }[];
    for (const row of rows) found.set(row.id, { type: 'WORK_ITEM', ...row });
  }
  if (ballots.length) {
    const rows = (await db.query(
      `SELECT b.id, t.initiative_id AS "initiativeId", b.state, b.opens_at AS "opensAt", b.closes_at AS "closesAt",
              b.closed_persisted_at AS "closedAt"
         FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id
        WHERE b.id = ANY($1::uuid[])`,
      [ballots],
    )) as Omit<BallotSubject, 'type'>[];
    for (const row of rows) found.set(row.id, { type: 'BALLOT', ...row });
  }
  return found;
}

/** The initiative's policy; the default when none was set. */
export async function loadPolicy(db: Db, initiativeId: string): Promise<ReminderPolicyRule> {
  return (await loadPolicies(db, [initiativeId])).get(initiativeId) ?? DEFAULT_POLICY;
}

/** The policies of many initiatives (one query), by initiative id; the default where none was set. */
export async function loadPolicies(db: Db, initiativeIds: string[]): Promise<Map<string, ReminderPolicyRule>> {
  const ids = [...new Set(initiativeIds)];
  const policies = new Map<string, ReminderPolicyRule>(ids.map((id) => [id, DEFAULT_POLICY]));
  if (!ids.length) return policies;
  const rows = (await db.query(
    `SELECT initiative_id AS "initiativeId", lead_times_ms AS "leadTimesMs", remind_overdue AS "remindOverdue"
       FROM reminder_policy WHERE initiative_id = ANY($1::uuid[])`,
    [ids],
  )) as { initiativeId: string; leadTimesMs: string[]; remindOverdue: boolean }[];
  for (const row of rows)
    policies.set(row.initiativeId, { leadTimesMs: row.leadTimesMs.map(Number), remindOverdue: row.remindOverdue });
  return policies;
}

/**
 * Who may receive reminders of many subjects now, by subject id (four queries at most): work
 * items get their owner, whether the owner is still a non-observer member of the item's group,
 * and the group's CHAIR and VICE_CHAIR; ballots their electorate and current voters (empty
 * lists when none).
 */
export async function loadRecipientFactsOf(db: Db, refs: SubjectRef[]): Promise<Map<string, RecipientFacts>> {
  const facts = new Map<string, RecipientFacts>();
  const items = byType(refs, 'WORK_ITEM');
  const ballots = byType(refs, 'BALLOT');
  if (items.length) {
    const rows = (await db.query(
      `SELECT i.id, i.owner_id AS "ownerId", p.working_group_id AS "groupId",
              EXISTS (SELECT 1 FROM group_member gm WHERE gm.working_group_id = p.working_group_id
                        AND gm.person_id = i.owner_id AND gm.role <> 'OBSERVER') AS "ownerInGroup"
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id WHERE i.id = ANY($1::uuid[])`,
      [items],
    )) as { id: string; ownerId: string | null; groupId: string; ownerInGroup: boolean }[];
    const groups = [...new Set(rows.map((r) => r.groupId))];
    const chairs = new Map<string, string[]>();
    if (groups.length) {
      const chairRows = (await db.query(
        `SELECT working_group_id AS "groupId", array_agg(person_id ORDER BY role, person_id) AS "chairIds"
           FROM group_member WHERE working_group_id = ANY($1::uuid[]) AND role IN ('CHAIR', 'VICE_CHAIR')
          GROUP BY working_group_id`,
        [groups],
      )) as { groupId: string; chairIds: string[] }[];
      for (const c of chairRows) chairs.set(c.groupId, c.chairIds);
    }
    for (const r of rows)
      facts.set(r.id, { ownerId: r.ownerId, ownerInGroup: r.ownerInGroup, chairIds: chairs.get(r.groupId) ?? [] });
  }
  if (ballots.length) {
    // One after the other: inside a transaction both share one connection.
    const electors = (await db.query(
      `SELECT ballot_id AS "ballotId", array_agg(person_id ORDER BY person_id) AS ids
         FROM ballot_elector WHERE ballot_id = ANY($1::uuid[]) GROUP BY ballot_id`,
      [ballots],
    )) as { ballotId: string; ids: string[] }[];
    const voters = (await db.query(
      `SELECT ballot_id AS "ballotId", array_agg(voter_id) AS ids FROM current_vote WHERE ballot_id = ANY($1::uuid[]) GROUP BY ballot_id`,
      [ballots],
    )) as { ballotId: string; ids: string[] }[];
    const electorsOf = new Map(electors.map((e) => [e.ballotId, e.ids]));
    const votersOf = new Map(voters.map((v) => [v.ballotId, v.ids]));
    for (const id of ballots) facts.set(id, { electorIds: electorsOf.get(id) ?? [], voterIds: votersOf.get(id) ?? [] });
  }
  return facts;
}

/** Names and links of many subjects (two queries at most), by subject id; missing subjects are absent. */
export async function loadDetailsOf(db: Db, refs: SubjectRef[], publicUrl: string): Promise<Map<string, NotificationDetails>> {
  const details = new Map<string, NotificationDetails>();
  const items = byType(refs, 'WORK_ITEM');
  const ballots = byType(refs, 'BALLOT');
  type Row = Omit<NotificationDetails, 'link' | 'deadline'> & { id: string; deadline: Date | null };
  if (items.length) {
    const rows = (await db.query(
      `SELECT i.id, n.name AS "initiativeName", g.code || ' ' || g.name AS "groupName", i.title AS "subjectTitle", i.due_at AS "deadline"
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id
         JOIN initiative n ON n.id = g.initiative_id WHERE i.id = ANY($1::uuid[])`,
      [items],
    )) as Row[];
    for (const { id, ...row } of rows)
      details.set(id, { ...row, deadline: row.deadline?.toISOString() ?? null, link: `${publicUrl}/work-items/${id}` });
  }
  if (ballots.length) {
    const rows = (await db.query(
      `SELECT b.id, n.name AS "initiativeName", CASE WHEN g.id IS NULL THEN NULL ELSE g.code || ' ' || g.name END AS "groupName",
              t.title AS "subjectTitle", b.closes_at AS "deadline", b.outcome
         FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id JOIN initiative n ON n.id = t.initiative_id
         LEFT JOIN working_group g ON g.id = t.working_group_id WHERE b.id = ANY($1::uuid[])`,
      [ballots],
    )) as Row[];
    for (const { id, ...row } of rows)
      details.set(id, { ...row, deadline: row.deadline!.toISOString(), link: `${publicUrl}/ballots/${id}` });
  }
  return details;
}
