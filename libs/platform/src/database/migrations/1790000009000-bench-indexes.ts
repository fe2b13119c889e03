import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reads of a large initiative, with the query each one serves:
 * - work_item_progress_idx: a plan's progress counts (initiativeProgress, Progress), grouped by
 *   status in an index-only scan that covers due_at and percent_complete;
 * - work_item_plan_next_due_idx: Progress.nextDue, the nearest deadlines of a plan, as a LIMIT
 *   per plan over the items still open (not DONE or CANCELLED) in deadline order;
 * - group_member_page_idx: a working group's members page in (since, person_id) order, without
 *   a sort;
 * - work_item_parent_fk_idx: the referencing columns of the parent foreign key, so deleting
 *   items (with a plan, a group or an initiative) checks each one with one index lookup rather
 *   than a scan of the plan's items.
 * The class name is the migration's key in typeorm_migrations, so it does not change.
 */
export class BenchIndexes1790000009000 implements MigrationInterface {
  name = 'BenchIndexes1790000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX work_item_progress_idx ON work_item (work_plan_id, status) INCLUDE (due_at, percent_complete)`);
    await q.query(`
      CREATE INDEX work_item_plan_next_due_idx ON work_item (work_plan_id, due_at, id)
        WHERE due_at IS NOT NULL AND status NOT IN ('DONE', 'CANCELLED')`);
    await q.query(`CREATE INDEX group_member_page_idx ON group_member (working_group_id, since, person_id)`);
    await q.query(`CREATE INDEX work_item_parent_fk_idx ON work_item (parent_id, work_plan_id) WHERE parent_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX work_item_parent_fk_idx`);
    await q.query(`DROP INDEX group_member_page_idx`);
    await q.query(`DROP INDEX work_item_plan_next_due_idx`);
    await q.query(`DROP INDEX work_item_progress_idx`);
  }
}
