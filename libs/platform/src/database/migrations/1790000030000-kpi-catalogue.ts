import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FOLD_SEARCH_TEXT } from '../functions';

/**
 * The KPI catalogue of an initiative (issue 16) and the links between work items and KPIs.
 *
 * Codes are unique per initiative (the upsert of importKpis relies on it). `search_text` is the
 * code and name folded by fold_search_text() (lower case, no accents), generated so it can never
 * disagree with them; a trigram index serves the "contains" search. A link names the KPI's
 * initiative and cannot name a KPI of another one: the service checks the item's initiative, and
 * the composite key makes the row carry it.
 */
export class KpiCatalogue1790000030000 implements MigrationInterface {
  name = 'KpiCatalogue1790000030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(FOLD_SEARCH_TEXT.sql);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE kpi (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        code          text NOT NULL CHECK (length(code) BETWEEN 1 AND 50),
        name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        dimension     text NOT NULL CHECK (dimension IN ('ECONOMY','ENVIRONMENT','SOCIETY_AND_CULTURE')),
        sub_dimension text NOT NULL CHECK (length(sub_dimension) BETWEEN 1 AND 100),
        category      text NOT NULL CHECK (length(category) BETWEEN 1 AND 200),
        level         text NOT NULL CHECK (level IN ('CORE','ADVANCED')),
        definition    text CHECK (length(definition) <= 10000),
        unit          text CHECK (length(unit) <= 100),
        search_text   text GENERATED ALWAYS AS (fold_search_text(code || ' ' || name)) STORED,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (initiative_id, code),
        UNIQUE (id, initiative_id)
      )`);
    await q.query(`CREATE INDEX kpi_search_idx ON kpi USING gin (search_text gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE work_item_kpi (
        work_item_id  uuid NOT NULL REFERENCES work_item (id) ON DELETE CASCADE,
        kpi_id        uuid NOT NULL,
        initiative_id uuid NOT NULL,
        PRIMARY KEY (work_item_id, kpi_id),
        FOREIGN KEY (kpi_id, initiative_id) REFERENCES kpi (id, initiative_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX work_item_kpi_kpi_idx ON work_item_kpi (kpi_id)`);
    for (const table of ['kpi', 'work_item_kpi']) {
      await q.query(
        `CREATE TRIGGER ${table}_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE work_item_kpi`);
    await q.query(`DROP TABLE kpi`);
  }
}
