import { Injectable } from '@nestjs/common';
import {
  type CalendarDeadline,
  type DeadlinePage,
  type DeadlineDetails,
  type DeadlineSource,
  ProvidesDeadlines,
  type Queryable,
  type RecipientFacts,
  rows,
  TOPICS,
  type WorkItemDeadline,
} from '@app/platform';

/** An item still to be done: reminders stop at DONE and CANCELLED (as work_item_open_due_idx). */
const OPEN = `i.status NOT IN ('DONE', 'CANCELLED')`;
const ITEM_GROUP = `work_item i JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id`;

/**
 * Work items as deadline subjects of reminders (`DeadlineSource`): an item's due date, its owner
 * and the chairs of its working group.
 */
@ProvidesDeadlines()
@Injectable()
export class WorkItemDeadlines implements DeadlineSource<WorkItemDeadline> {
  readonly type = 'WORK_ITEM';
  readonly topics = [TOPICS.workItemCreated, TOPICS.workItemChanged, TOPICS.workItemRemoved];

  async subjects(db: Queryable, ids: string[]): Promise<Map<string, WorkItemDeadline>> {
    if (!ids.length) return new Map();
    const found = await rows<Omit<WorkItemDeadline, 'type'>>(
      db,
      `SELECT i.id, g.initiative_id AS "initiativeId", i.owner_id AS "ownerId", i.due_at AS "dueAt", ${OPEN} AS open
         FROM ${ITEM_GROUP} WHERE i.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(found.map((row) => [row.id, { type: 'WORK_ITEM', ...row }]));
  }

  /** The owner (and whether they are still a non-observer member of the item's group) and the group's chairs: two statements. */
  async recipients(db: Queryable, ids: string[]): Promise<Map<string, RecipientFacts>> {
    const facts = new Map<string, RecipientFacts>();
    if (!ids.length) return facts;
    const items = await rows<{ id: string; ownerId: string | null; groupId: string; ownerInGroup: boolean }>(
      db,
      `SELECT i.id, i.owner_id AS "ownerId", p.working_group_id AS "groupId",
              EXISTS (SELECT 1 FROM group_member gm WHERE gm.working_group_id = p.working_group_id
                        AND gm.person_id = i.owner_id AND gm.role <> 'OBSERVER') AS "ownerInGroup"
         FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id WHERE i.id = ANY($1::uuid[])`,
      [ids],
    );
    const groups = [...new Set(items.map((r) => r.groupId))];
    const chairs = new Map<string, string[]>();
    if (groups.length) {
      const chairRows = await rows<{ groupId: string; chairIds: string[] }>(
        db,
        `SELECT working_group_id AS "groupId", array_agg(person_id ORDER BY role, person_id) AS "chairIds"
           FROM group_member WHERE working_group_id = ANY($1::uuid[]) AND role IN ('CHAIR', 'VICE_CHAIR')
          GROUP BY working_group_id`,
        [groups],
      );
      for (const c of chairRows) chairs.set(c.groupId, c.chairIds);
    }
    for (const r of items)
      facts.set(r.id, { ownerId: r.ownerId, ownerInGroup: r.ownerInGroup, chairIds: chairs.get(r.groupId) ?? [] });
    return facts;
  }

  async details(db: Queryable, ids: string[]): Promise<Map<string, DeadlineDetails>> {
    if (!ids.length) return new Map();
    const found = await rows<Omit<DeadlineDetails, 'path'> & { id: string }>(
      db,
      `SELECT i.id, n.name AS "initiativeName", g.code || ' ' || g.name AS "groupName", i.title AS "subjectTitle",
              i.due_at AS "deadline"
         FROM ${ITEM_GROUP} JOIN initiative n ON n.id = g.initiative_id WHERE i.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(found.map(({ id, ...row }) => [id, { ...row, path: `work-items/${id}` }]));
  }

  async openOfInitiative(db: Queryable, initiativeId: string): Promise<string[]> {
    const found = await rows<{ id: string }>(
      db,
      `SELECT i.id FROM ${ITEM_GROUP} WHERE g.initiative_id = $1 AND i.due_at IS NOT NULL AND ${OPEN}`,
      [initiativeId],
    );
    return found.map((r) => r.id);
  }

  openPage(db: Queryable, page: DeadlinePage): Promise<{ id: string; deadline: Date }[]> {
    const after = page.after ? `AND (i.due_at, i.id) > ($3::timestamptz, $4::uuid)` : '';
    return rows<{ id: string; deadline: Date }>(
      db,
      `SELECT i.id, i.due_at AS deadline FROM work_item i
        WHERE i.due_at IS NOT NULL AND ${OPEN} AND i.due_at > $1 ${after}
        ORDER BY i.due_at, i.id LIMIT $2`,
      page.after ? [page.deadlineAfter, page.limit, page.after.deadline, page.after.id] : [page.deadlineAfter, page.limit],
    );
  }

  /** Open items with a due date that the person owns or whose group they chair. */
  calendarOf(db: Queryable, personId: string): Promise<CalendarDeadline[]> {
    return rows<CalendarDeadline>(
      db,
      `SELECT i.id, i.due_at AS at, i.title, n.name || ' / ' || g.code || ' ' || g.name AS "where", 'work-items/' || i.id AS path
         FROM ${ITEM_GROUP} JOIN initiative n ON n.id = g.initiative_id
        WHERE i.due_at IS NOT NULL AND ${OPEN}
          AND (i.owner_id = $1 OR EXISTS (SELECT 1 FROM group_member gm WHERE gm.working_group_id = g.id
                                            AND gm.person_id = $1 AND gm.role IN ('CHAIR', 'VICE_CHAIR')))`,
      [personId],
    );
  }
}
