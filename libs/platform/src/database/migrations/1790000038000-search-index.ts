import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  SEARCH_FUNCTIONS,
  SEARCH_TABLE,
  SEARCH_TEXT_CONFIGS,
  SEARCH_TRIGGERS,
  SOURCES,
  SOURCE_KINDS,
  searchTriggerSql,
} from '../search-index';

/**
 * The full-text search index of issue 17: `search_entry`, its views, functions and triggers, and
 * the backfill of every existing row (in this transaction, so the index is complete when the
 * migration commits). Why one table maintained by triggers, and how to add a kind (COMMENT and
 * AMENDMENT come from another branch: a view, one trigger line, a backfill), is explained in
 * `libs/platform/src/database/search-index.ts`.
 */
export class SearchIndex1790000038000 implements MigrationInterface {
  name = 'SearchIndex1790000038000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [...SEARCH_TEXT_CONFIGS, ...SEARCH_TABLE, ...SEARCH_FUNCTIONS]) await q.query(sql);
    await q.query(
      `CREATE TRIGGER search_entry_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_entry
         FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()`,
    );
    for (const [name, sql] of Object.entries(SOURCES)) await q.query(`CREATE VIEW search_source_${name} AS ${sql}`);
    for (const [index, rule] of SEARCH_TRIGGERS.entries()) {
      for (const sql of searchTriggerSql(rule, index)) await q.query(sql);
    }
    for (const kind of Object.values(SOURCE_KINDS)) await q.query(`SELECT search_reindex($1, NULL)`, [kind]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [index, rule] of SEARCH_TRIGGERS.entries()) {
      for (const event of ['ins', 'del', 'upd']) {
        await q.query(`DROP TRIGGER IF EXISTS search_${rule.table}_${index}_${event} ON ${rule.table}`);
      }
    }
    for (const name of Object.keys(SOURCES)) await q.query(`DROP VIEW search_source_${name}`);
    await q.query(`DROP TABLE search_entry`);
    await q.query(`DROP FUNCTION search_reindex_trigger(), search_reindex(text, uuid[]), search_snippet(text, text, text[], text),
                     search_query(text), search_document(text, text, text[])`);
    await q.query(`DROP TEXT SEARCH CONFIGURATION search_fr`);
    await q.query(`DROP TEXT SEARCH CONFIGURATION search_en`);
  }
}
