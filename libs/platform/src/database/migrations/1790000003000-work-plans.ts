import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work plans of the working groups, their items and the dependencies between items.
 * The invariants live here: a plan's period is not inverted; an item's parent and its
 * dependencies are items of the same plan (composite foreign keys); percent_complete is
 * 0..100 and DONE implies 100; an item does not depend on itself. Cycles (longer than one
 * edge) are refused by the service, which serialises all changes of one plan by locking the
 * plan row FOR UPDATE.
 */
export class WorkPlans1790000003000 implements MigrationInterface {
  name = 'WorkPlans1790000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_plan (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_group (id) ON DELETE CASCADE,
        title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        period_start     date NOT NULL,
        period_end       date NOT NULL,
        status           text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','APPROVED')),
        version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (period_end >= period_start)
      )`);
    // The newest plan of a group is its current one (WorkingGroup.workPlan).
    await q.query(`CREATE INDEX work_plan_group_newest_idx ON work_plan (working_group_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE work_item (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        work_plan_id     uuid NOT NULL REFERENCES work_plan (id) ON DELETE CASCADE,
        parent_id        uuid,
        kind             text NOT NULL CHECK (kind IN ('DELIVERABLE','MILESTONE','TASK')),
        title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description      text CHECK (length(description) <= 10000),
        owner_id         uuid REFERENCES person (id) ON DELETE SET NULL,
        due_at           timestamptz,
        status           text NOT NULL DEFAULT 'NOT_STARTED'
                           CHECK (status IN ('NOT_STARTED','IN_PROGRESS','BLOCKED','DONE','CANCELLED')),
        percent_complete integer NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100),
        version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, work_plan_id),
        CHECK (status <> 'DONE' OR percent_complete = 100),
        CHECK (parent_id IS NULL OR parent_id <> id),
        FOREIGN KEY (parent_id, work_plan_id) REFERENCES work_item (id, work_plan_id)
      )`);
    await q.query(`CREATE INDEX work_item_plan_status_idx ON work_item (work_plan_id, status, seq)`);
    await q.query(`CREATE INDEX work_item_plan_seq_idx ON work_item (work_plan_id, seq)`);
    await q.query(`CREATE INDEX work_item_parent_idx ON work_item (parent_id) WHERE parent_id IS NOT NULL`);
    await q.query(`CREATE INDEX work_item_owner_idx ON work_item (owner_id) WHERE owner_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX work_item_open_due_idx ON work_item (due_at, id)
        WHERE due_at IS NOT NULL AND status NOT IN ('DONE','CANCELLED')`);
    await q.query(`
      CREATE TABLE work_item_dependency (
        item_id       uuid NOT NULL,
        depends_on_id uuid NOT NULL,
        work_plan_id  uuid NOT NULL,
        PRIMARY KEY (item_id, depends_on_id),
        CHECK (item_id <> depends_on_id),
        FOREIGN KEY (item_id, work_plan_id) REFERENCES work_item (id, work_plan_id) ON DELETE CASCADE,
        FOREIGN KEY (depends_on_id, work_plan_id) REFERENCES work_item (id, work_plan_id)
      )`);
    await q.query(`CREATE INDEX work_item_dependency_target_idx ON work_item_dependency (depends_on_id)`);
    await q.query(`CREATE INDEX work_item_dependency_plan_idx ON work_item_dependency (work_plan_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['work_item_dependency', 'work_item', 'work_plan']) await q.query(`DROP TABLE ${table}`);
  }
}
