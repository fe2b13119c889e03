import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that the scale benchmark (bench/run, issue 7) showed are needed:
 * - work_item_progress_idx: progress counts of a plan as an index-only scan grouped by status
 *   (initiativeProgress over 100,000 items: 73 ms -> about 20 ms for the counts);
 * - work_item_plan_next_due_idx: Progress.nextDue as a LIMIT 5 per plan over a partial index
 *   instead of a window function over every open item (160 ms -> under 2 ms for 50 plans);
 * - group_member_page_idx: a group's members page in (since, person_id) order without a sort;
 * - work_item_parent_fk_idx: the referencing columns of the parent foreign key, so deleting
 *   items (a plan, a group, an initiative) checks each one with one index lookup; the generic
 *   plan of that check otherwise ANDs work_item_parent_idx with a scan of the whole plan's
 *   items, and deleting a plan of 100,000 items did not finish in 10 minutes.
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
