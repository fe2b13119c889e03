import type { EntityManager } from 'typeorm';
import type { NotificationDetails } from '../delivery/notification-text';
import type { RecipientFacts } from '../planning/recipients';
import { DEFAULT_POLICY, type ReminderPolicyRule, type ReminderSubject } from '../planning/reminder-plan';

/** A deadline-bearing subject, by type and id. */
export interface SubjectRef {
  type: 'WORK_ITEM' | 'BALLOT';
  id: string;
}

export type Db = Pick<EntityManager, 'query'>;

export function subjectTypeOfKind(kind: string): SubjectRef['type'] {
  return kind.startsWith('WORK_ITEM') ? 'WORK_ITEM' : 'BALLOT';
}

/**
 * Current state of a subject, read from PostgreSQL (never from event payloads); null when it
 * no longer exists.
 */
export async function loadSubject(db: Db, ref: SubjectRef): Promise<ReminderSubject | null> {
  if (ref.type === 'WORK_ITEM') {
    const [row] = (await db.query(
      `SELECT i.id, g.initiative_id AS "initiativeId", i.owner_id AS "ownerId", i.due_at AS "dueAt", i.status
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id
        WHERE i.id = $1`,
      [ref.id],
    )) as { id: string; initiativeId: string; ownerId: string | null; dueAt: Date | null; status: string }[];
    return row ? { type: 'WORK_ITEM', ...row } : null;
  }
  const [row] = (await db.query(
    `SELECT b.id, t.initiative_id AS "initiativeId", b.state, b.opens_at AS "opensAt", b.closes_at AS "closesAt",
            b.closed_persisted_at AS "closedAt"
       FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id
      WHERE b.id = $1`,
    [ref.id],
  )) as {
    id: string;
    initiativeId: string;
    state: 'OPEN' | 'CLOSED' | 'CANCELLED';
    opensAt: Date;
    closesAt: Date;
    closedAt: Date | null;
  }[];
  return row ? { type: 'BALLOT', ...row } : null;
}

/** The initiative's policy; the default when none was set. */
export async function loadPolicy(db: Db, initiativeId: string): Promise<ReminderPolicyRule> {
  const [row] = (await db.query(
    `SELECT lead_times_ms AS "leadTimesMs", remind_overdue AS "remindOverdue" FROM reminder_policy WHERE initiative_id = $1`,
    [initiativeId],
  )) as { leadTimesMs: string[]; remindOverdue: boolean }[];
  return row ? { leadTimesMs: row.leadTimesMs.map(Number), remindOverdue: row.remindOverdue } : DEFAULT_POLICY;
}

/** Who may receive reminders of the subject now (owner, chairs, electorate, voters). */
export async function loadRecipientFacts(db: Db, ref: SubjectRef): Promise<RecipientFacts> {
  if (ref.type === 'WORK_ITEM') {
    const [row] = (await db.query(
      `SELECT i.owner_id AS "ownerId",
              EXISTS (SELECT 1 FROM group_member gm WHERE gm.working_group_id = p.working_group_id
                        AND gm.person_id = i.owner_id AND gm.role <> 'OBSERVER') AS "ownerInGroup",
              ARRAY(SELECT gm.person_id FROM group_member gm WHERE gm.working_group_id = p.working_group_id
                      AND gm.role IN ('CHAIR', 'VICE_CHAIR') ORDER BY gm.role, gm.person_id) AS "chairIds"
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id WHERE i.id = $1`,
      [ref.id],
    )) as RecipientFacts[];
    return row ?? {};
  }
  const [row] = (await db.query(
    `SELECT ARRAY(SELECT person_id FROM ballot_elector WHERE ballot_id = $1 ORDER BY person_id) AS "electorIds",
            ARRAY(SELECT voter_id FROM current_vote WHERE ballot_id = $1) AS "voterIds"`,
    [ref.id],
  )) as RecipientFacts[];
  return row;
}

/** Names and links for the texts of a subject's notifications. */
export async function loadDetails(db: Db, ref: SubjectRef, publicUrl: string): Promise<NotificationDetails | null> {
  if (ref.type === 'WORK_ITEM') {
    const [row] = (await db.query(
      `SELECT n.name AS "initiativeName", g.code || ' ' || g.name AS "groupName", i.title AS "subjectTitle", i.due_at AS "deadline"
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id
         JOIN initiative n ON n.id = g.initiative_id WHERE i.id = $1`,
      [ref.id],
    )) as (Omit<NotificationDetails, 'link' | 'deadline'> & { deadline: Date | null })[];
    if (!row) return null;
    return { ...row, deadline: row.deadline?.toISOString() ?? null, link: `${publicUrl}/work-items/${ref.id}` };
  }
  const [row] = (await db.query(
    `SELECT n.name AS "initiativeName", CASE WHEN g.id IS NULL THEN NULL ELSE g.code || ' ' || g.name END AS "groupName",
            t.title AS "subjectTitle", b.closes_at AS "deadline", b.outcome
       FROM ballot b JOIN terms_of_reference t ON t.id = b.tor_id JOIN initiative n ON n.id = t.initiative_id
       LEFT JOIN working_group g ON g.id = t.working_group_id WHERE b.id = $1`,
    [ref.id],
  )) as (Omit<NotificationDetails, 'link' | 'deadline'> & { deadline: Date })[];
  if (!row) return null;
  return { ...row, deadline: row.deadline.toISOString(), link: `${publicUrl}/ballots/${ref.id}` };
}
