import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Queryable, rows } from '@app/platform';
import type { SearchHitKind } from './search-hit.model';

/** Who reads: drafts of every group (SECRETARIAT), or only of the groups they chair. */
export interface SearchReader {
  initiativeId: string;
  allDrafts: boolean;
  chairedGroupIds: string[];
}

export interface SearchRequest {
  text: string;
  kinds: SearchHitKind[] | null;
  /** The key of the last hit of the previous page: rank (as PostgreSQL printed it), kind, entry id. */
  after: [string, string, string] | null;
  limit: number;
}

export interface SearchHitRow {
  kind: SearchHitKind;
  objectId: string;
  id: string;
  title: string;
  snippet: string;
  context: string;
  path: string | null;
  rank: string;
  total: number;
}

/**
 * All the SQL of search: one statement per page, whatever the number of hits. It finds the
 * matching entries of the initiative the reader may see (GIN index on `document`), ranks them
 * (title above body above context; a code typed as written first), counts them, keeps the page
 * after the cursor, and only then makes the page's snippets (ts_headline reads the text again, so
 * it runs on at most `limit` rows, never on every match). The index itself is the triggers' work
 * (libs/platform/src/database/search-index.ts).
 */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(reader: SearchReader, request: SearchRequest, db: Queryable = this.dataSource): Promise<SearchHitRow[]> {
    const [afterRank, afterKind, afterId] = request.after ?? [null, null, null];
    return rows<SearchHitRow>(
      db,
      `WITH q AS (
         SELECT search_query($2) AS tsq, fold_search_text(btrim($2)) AS code
       ),
       matches AS (
         SELECT e.kind, e.object_id,
                (ts_rank(e.document, q.tsq) + CASE WHEN q.code = ANY (e.codes) THEN 1 ELSE 0 END)::float8 AS rank
           FROM search_entry e, q
          WHERE e.initiative_id = $1
            AND e.document @@ q.tsq
            AND (NOT e.drafts_only OR $3::boolean OR e.group_id = ANY ($4::uuid[]))
            AND ($5::text[] IS NULL OR e.kind = ANY ($5::text[]))
       ),
       page AS (
         SELECT m.* FROM matches m
          WHERE $6::float8 IS NULL OR m.rank < $6::float8
             OR (m.rank = $6::float8 AND (m.kind, m.object_id) > ($7::text, $8::uuid))
          ORDER BY m.rank DESC, m.kind, m.object_id
          LIMIT $9
       )
       SELECT t.total, p.kind, p.object_id AS "objectId", p.rank::text AS rank, e.hit_id AS id, e.title, e.context, e.link AS path,
              search_snippet(e.title, e.body, e.codes, $2) AS snippet
         FROM (SELECT count(*)::int AS total FROM matches) t
         LEFT JOIN page p ON true
         LEFT JOIN search_entry e ON e.kind = p.kind AND e.object_id = p.object_id AND e.initiative_id = $1
        ORDER BY p.rank DESC, p.kind, p.object_id`,
      [
        reader.initiativeId,
        request.text,
        reader.allDrafts,
        reader.chairedGroupIds,
        request.kinds,
        afterRank,
        afterKind,
        afterId,
        request.limit,
      ],
    );
  }
}
