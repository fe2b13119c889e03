import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables whose changes never show in a GraphQL answer (bookkeeping of migrations, workers,
 * sign-in throttling, reminder timers and the outbox). Every other table notifies.
 */
export const TABLES_WITHOUT_CHANGE_NOTICE = [
  'typeorm_migrations',
  'worker_heartbeat',
  'login_failure',
  'planned_reminder',
  'outbox_event',
];

/** The channel on which every committed change of GraphQL-visible data is announced. */
export const DATA_CHANGED_CHANNEL = 'data_changed';

/**
 * The gateway's caches (libs/platform/src/cache: answers to queries, the callers' roles) must
 * forget a value as soon as data behind it changes, whoever changed it: a gateway, a worker, the
 * CLI or an operator in psql. A statement-level trigger on every GraphQL-visible table sends
 * NOTIFY data_changed with the table's name; PostgreSQL delivers it when (and only if) the
 * transaction commits, and folds the identical notices of one transaction into one. The e2e test `response-cache` checks that every
 * table not listed above has the trigger, so a new table cannot be forgotten.
 */
export class DataChangedNotify1790000009200 implements MigrationInterface {
  name = 'DataChangedNotify1790000009200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_data_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM pg_notify('${DATA_CHANGED_CHANNEL}', TG_TABLE_NAME);
        RETURN NULL;
      END
      $fn$`);
    const tables = (await q.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1)) ORDER BY tablename`,
      [TABLES_WITHOUT_CHANGE_NOTICE],
    )) as { tablename: string }[];
    for (const { tablename } of tables)
      await q.query(
        `CREATE TRIGGER ${tablename}_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${tablename}"
           FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION notify_data_changed() CASCADE`);
  }
}
