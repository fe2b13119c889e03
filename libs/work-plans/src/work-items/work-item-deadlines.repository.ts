import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type DeadlinePage, type Queryable, rows } from '@app/platform';

/** An item still to be done: reminders stop at DONE and CANCELLED (as work_item_open_due_idx). */
const OPEN = `i.status NOT IN ('DONE', 'CANCELLED')`;
const ITEM_PLAN = `work_item i JOIN work_plan p ON p.id = i.work_plan_id`;

/** A work item as reminders see it, with its plan's working group. */
export interface ItemDeadlineRow {
  id: string;
  groupId: string;
  ownerId: string | null;
  title: string;
  dueAt: Date | null;
  open: boolean;
}

/**
 * The SQL of work items as deadline subjects (WorkItemDeadlines). The facts of their groups
 * (initiative, names, chairs, members) are structure's and read through its readers.
 */
@Injectable()
export class WorkItemDeadlinesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The items with their group, owner, due date and whether they are still open. */
  items(ids: readonly string[], db: Queryable = this.dataSource): Promise<ItemDeadlineRow[]> {
    return rows<ItemDeadlineRow>(
      db,
      `SELECT i.id, p.working_group_id AS "groupId", i.owner_id AS "ownerId", i.title, i.due_at AS "dueAt", ${OPEN} AS open
         FROM ${ITEM_PLAN} WHERE i.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The open items with a due date of the groups' plans. */
  async openOfGroups(groupIds: readonly string[], db: Queryable = this.dataSource): Promise<string[]> {
    const found = await rows<{ id: string }>(
      db,
      `SELECT i.id FROM ${ITEM_PLAN} WHERE p.working_group_id = ANY($1::uuid[]) AND i.due_at IS NOT NULL AND ${OPEN}`,
      [groupIds],
    );
    return found.map((r) => r.id);
  }

  /** A page of open items by (due date, id) after `page.deadlineAfter` and the cursor. */
  openPage(page: DeadlinePage, db: Queryable = this.dataSource): Promise<{ id: string; deadline: Date }[]> {
    const after = page.after ? `AND (i.due_at, i.id) > ($3::timestamptz, $4::uuid)` : '';
    return rows<{ id: string; deadline: Date }>(
      db,
      `SELECT i.id, i.due_at AS deadline FROM work_item i
        WHERE i.due_at IS NOT NULL AND ${OPEN} AND i.due_at > $1 ${after}
        ORDER BY i.due_at, i.id LIMIT $2`,
      page.after ? [page.deadlineAfter, page.limit, page.after.deadline, page.after.id] : [page.deadlineAfter, page.limit],
    );
  }

  /** Open items with a due date that the person owns or that belong to one of the groups. */
  ownedOrOfGroups(personId: string, groupIds: readonly string[], db: Queryable = this.dataSource): Promise<ItemDeadlineRow[]> {
    return rows<ItemDeadlineRow>(
      db,
      `SELECT i.id, p.working_group_id AS "groupId", i.owner_id AS "ownerId", i.title, i.due_at AS "dueAt", true AS open
         FROM ${ITEM_PLAN}
        WHERE i.due_at IS NOT NULL AND ${OPEN} AND (i.owner_id = $1 OR p.working_group_id = ANY($2::uuid[]))`,
      [personId, groupIds],
    );
  }
}
