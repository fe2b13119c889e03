import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one, type Queryable, rows } from '@app/platform';
import type { KpiRecord } from '../catalogue/kpi-rules';
import type { KpiDimension, KpiLevel } from './kpi.enums';
import type { KpiModel } from './kpi.model';

const KPI_COLUMNS = `k.id, k.initiative_id AS "initiativeId", k.code, k.name, k.dimension, k.sub_dimension AS "subDimension",
  k.category, k.level, k.definition, k.unit`;

export interface KpiFilter {
  dimension: KpiDimension | null;
  level: KpiLevel | null;
  /** Matched, folded (case and accents), anywhere in the code or name. */
  search: string | null;
}

export interface ImportCounts {
  created: number;
  updated: number;
}

/** LIKE's wildcards taken literally. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const FILTER = `k.initiative_id = $1 AND ($2::text IS NULL OR k.dimension = $2) AND ($3::text IS NULL OR k.level = $3)
  AND ($4::text IS NULL OR k.search_text LIKE '%' || fold_search_text($4) || '%')`;

/**
 * Upserts an initiative's KPIs by code in one statement: new codes are inserted, existing ones
 * updated only when a field differs (so an identical import touches no row). The counts say how
 * many rows were created and updated; the rest were unchanged. Exported for the demo seed and
 * the CLI, which run it in their own transactions.
 */
export async function upsertKpis(db: Queryable, initiativeId: string, kpis: readonly KpiRecord[]): Promise<ImportCounts> {
  const counts = await one<ImportCounts>(
    db,
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb)
         AS x(code text, name text, dimension text, "subDimension" text, category text, level text, definition text, unit text)
     ), written AS (
       INSERT INTO kpi AS k (initiative_id, code, name, dimension, sub_dimension, category, level, definition, unit)
       SELECT $1, code, name, dimension, "subDimension", category, level, definition, unit FROM input
       ON CONFLICT (initiative_id, code) DO UPDATE
         SET name = EXCLUDED.name, dimension = EXCLUDED.dimension, sub_dimension = EXCLUDED.sub_dimension,
             category = EXCLUDED.category, level = EXCLUDED.level, definition = EXCLUDED.definition,
             unit = EXCLUDED.unit, updated_at = now()
         WHERE (k.name, k.dimension, k.sub_dimension, k.category, k.level, k.definition, k.unit)
               IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.dimension, EXCLUDED.sub_dimension, EXCLUDED.category,
                                 EXCLUDED.level, EXCLUDED.definition, EXCLUDED.unit)
       RETURNING (xmax = 0) AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
    [initiativeId, JSON.stringify(kpis)],
  );
  return counts ?? { created: 0, updated: 0 };
}

/** The KPI catalogue and the links between work items and KPIs: all their SQL. */
@Injectable()
export class KpisRepository {
  constructor(private readonly dataSource: DataSource) {}

  upsert(initiativeId: string, kpis: readonly KpiRecord[], db: Queryable = this.dataSource): Promise<ImportCounts> {
    return upsertKpis(db, initiativeId, kpis);
  }

  byIds(ids: readonly string[], db: Queryable = this.dataSource): Promise<KpiModel[]> {
    return rows<KpiModel>(db, `SELECT ${KPI_COLUMNS} FROM kpi k WHERE k.id = ANY($1::uuid[])`, [ids]);
  }

  /** How many KPIs of the initiative match. */
  async count(initiativeId: string, filter: KpiFilter, db: Queryable = this.dataSource): Promise<number> {
    const row = await one<{ total: number }>(db, `SELECT count(*)::int AS total FROM kpi k WHERE ${FILTER}`, [
      initiativeId,
      filter.dimension,
      filter.level,
      filter.search === null ? null : likeEscaped(filter.search),
    ]);
    return row?.total ?? 0;
  }

  /** The first `limit` matching KPIs after the code `afterCode`, ordered by code. */
  page(
    initiativeId: string,
    filter: KpiFilter,
    afterCode: string | null,
    limit: number,
    db: Queryable = this.dataSource,
  ): Promise<KpiModel[]> {
    return rows<KpiModel>(
      db,
      `SELECT ${KPI_COLUMNS} FROM kpi k WHERE ${FILTER} AND ($5::text IS NULL OR k.code > $5)
        ORDER BY k.code LIMIT $6`,
      [
        initiativeId,
        filter.dimension,
        filter.level,
        filter.search === null ? null : likeEscaped(filter.search),
        afterCode,
        limit,
      ],
    );
  }

  /** The KPIs of each work item, ordered by code. */
  ofWorkItems(itemIds: readonly string[], db: Queryable = this.dataSource): Promise<(KpiModel & { workItemId: string })[]> {
    return rows<KpiModel & { workItemId: string }>(
      db,
      `SELECT l.work_item_id AS "workItemId", ${KPI_COLUMNS}
         FROM work_item_kpi l JOIN kpi k ON k.id = l.kpi_id
        WHERE l.work_item_id = ANY($1::uuid[]) ORDER BY k.code`,
      [itemIds],
    );
  }

  /** The ids of the work items linked to each KPI, at most `limit` per KPI. */
  workItemIdsOf(
    kpiIds: readonly string[],
    limit: number,
    db: Queryable = this.dataSource,
  ): Promise<{ kpiId: string; workItemId: string }[]> {
    return rows<{ kpiId: string; workItemId: string }>(
      db,
      `SELECT k.id AS "kpiId", l.work_item_id AS "workItemId"
         FROM unnest($1::uuid[]) AS k (id)
         CROSS JOIN LATERAL (SELECT work_item_id FROM work_item_kpi WHERE kpi_id = k.id ORDER BY work_item_id LIMIT $2) l`,
      [kpiIds, limit],
    );
  }

  /** Which of the ids are KPIs of the initiative. */
  async idsInInitiative(initiativeId: string, ids: readonly string[], db: Queryable = this.dataSource): Promise<string[]> {
    const found = await rows<{ id: string }>(db, `SELECT id FROM kpi WHERE initiative_id = $1 AND id = ANY($2::uuid[])`, [
      initiativeId,
      ids,
    ]);
    return found.map((r) => r.id);
  }

  /**
   * Serialises the replacements of one item's KPIs until the transaction ends: without it, two
   * concurrent replacements would each keep the other's inserts and leave the union of both lists.
   */
  async lockLinksOf(workItemId: string, db: Queryable): Promise<void> {
    await rows(db, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`work_item_kpi:${workItemId}`]);
  }

  /** Replaces the work item's KPIs by `kpiIds` (KPIs of `initiativeId`), in one statement. */
  async replaceLinks(
    workItemId: string,
    initiativeId: string,
    kpiIds: readonly string[],
    db: Queryable = this.dataSource,
  ): Promise<void> {
    await rows(
      db,
      `WITH dropped AS (DELETE FROM work_item_kpi WHERE work_item_id = $1 AND NOT (kpi_id = ANY($3::uuid[])))
       INSERT INTO work_item_kpi (work_item_id, kpi_id, initiative_id)
       SELECT $1, unnest($3::uuid[]), $2 ON CONFLICT DO NOTHING`,
      [workItemId, initiativeId, kpiIds],
    );
  }
}
