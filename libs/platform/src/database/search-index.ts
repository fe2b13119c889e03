/**
 * The full-text search index (issue 17): one table, `search_entry`, kept current by triggers on
 * the source tables in the same transaction as the write, so a search right after a change
 * (even inside the same transaction) finds it: no lag, no batch job, no second server.
 *
 * Why one table rather than a tsvector column and a GIN index on each source table: the search
 * is one permission-filtered, ranked and paginated query over every kind at once, and a UNION of
 * nine ranked scans cannot share one LIMIT or one keyset cursor without ranking every match of
 * every kind. One table gives one GIN index, one ORDER BY, one LIMIT, and a count in the same
 * statement. The cost is a second write per change of an indexed row, inside its transaction.
 *
 * What each kind shows is a view `search_source_<kind>` (initiative, object, the id the hit
 * names, the group, whether only who may see DRAFT meetings reads it, title, body, context,
 * codes, the web path). `search_reindex(kind, ids)` rewrites the entries of those objects from
 * the view; the statement triggers `search_reindex_trigger(kind, ids_sql, watched)` call it with
 * the ids a statement touched (through its transition tables), and cascade to the children
 * whose context shows a parent's name (a plan's title is in its items' context).
 *
 * Adding a kind (COMMENT and AMENDMENT, being built on another branch, are left out here) is:
 * 1. a view `search_source_comment` with the columns of the others (see SOURCES below);
 * 2. its triggers, one line of `searchTriggers('comment', 'COMMENT')` in a migration, plus a
 *    cascade from its parent when the context shows the parent's title;
 * 3. a backfill: `SELECT search_reindex('COMMENT', NULL)`.
 * The kind's CHECK on search_entry.kind already allows it.
 *
 * Text: two text search configurations, `search_en` and `search_fr`, are English and French with
 * `unaccent` before the stemmer, so "Geneve" finds "Genève" and ts_headline marks the accented
 * word in the original text; a document is both configurations' vectors OR'ed (title weight A,
 * body C; the context is shown, not searched). Codes (WG2, EC:ICT:ICT:1C, U4SSC-1/2, a meeting number) are also kept as
 * whole lexemes, folded by fold_search_text() (lower case, no accents), so the query typed as
 * written matches them exactly and ranks first.
 */

export const SEARCH_KINDS = [
  'WORKING_GROUP',
  'PERSON',
  'TERMS_OF_REFERENCE',
  'BALLOT',
  'WORK_ITEM',
  'MEETING',
  'AGENDA_ITEM',
  'DECISION',
  'KPI',
  'COMMENT',
  'AMENDMENT',
] as const;

export const SEARCH_TEXT_CONFIGS = [
  `CREATE EXTENSION IF NOT EXISTS unaccent`,
  `CREATE TEXT SEARCH CONFIGURATION search_en (COPY = english)`,
  `ALTER TEXT SEARCH CONFIGURATION search_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem`,
  `CREATE TEXT SEARCH CONFIGURATION search_fr (COPY = french)`,
  `ALTER TEXT SEARCH CONFIGURATION search_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem`,
];

export const SEARCH_TABLE = [
  `CREATE TABLE search_entry (
     initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
     kind          text NOT NULL CHECK (kind IN (${SEARCH_KINDS.map((k) => `'${k}'`).join(', ')})),
     object_id     uuid NOT NULL,
     hit_id        uuid NOT NULL,
     group_id      uuid,
     drafts_only   boolean NOT NULL DEFAULT false,
     title         text NOT NULL,
     body          text NOT NULL DEFAULT '',
     context       text NOT NULL DEFAULT '',
     codes         text[] NOT NULL DEFAULT '{}', -- folded by fold_search_text()
     link          text,
     document      tsvector NOT NULL,
     PRIMARY KEY (kind, object_id, initiative_id)
   )`,
  `CREATE INDEX search_entry_document_idx ON search_entry USING gin (document)`,
  `CREATE INDEX search_entry_initiative_idx ON search_entry (initiative_id)`,
  `COMMENT ON TABLE search_entry IS 'Full-text search index, maintained by triggers (libs/platform/src/database/search-index.ts)'`,
];

/**
 * The document of an entry: codes as whole lexemes, then title (A) and body (C) in both languages.
 * The context ("WG2 · Work plan 2016-2017") is shown, not searched: every item of a plan shares it,
 * so its words would match thousands of entries each and make common queries rank them all.
 */
const SEARCH_DOCUMENT = `
  CREATE FUNCTION search_document(p_title text, p_body text, p_codes text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT array_to_tsvector(ARRAY(SELECT fold_search_text(c) FROM unnest(p_codes) c WHERE c <> ''))
        || setweight(to_tsvector('search_en', p_title), 'A') || setweight(to_tsvector('search_fr', p_title), 'A')
        || setweight(to_tsvector('search_en', p_body), 'C') || setweight(to_tsvector('search_fr', p_body), 'C')
  $fn$`;

/**
 * The query of a typed text: its words in English or French (all of them), or the whole text as
 * a code. The code is one quoted lexeme, so no character of the text is tsquery syntax.
 */
const SEARCH_QUERY = `
  CREATE FUNCTION search_query(p_text text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT plainto_tsquery('search_en', p_text) || plainto_tsquery('search_fr', p_text)
        || ('''' || replace(replace(fold_search_text(btrim(p_text)), '\\', '\\\\'), '''', '''''') || '''')::tsquery
  $fn$`;

/**
 * A snippet with the matched words in [[ ]]. A code typed as written (a decision number, a KPI
 * code) is marked as it is written in the title, followed by the start of the body. Otherwise from
 * the body, in English or else French marks; when the body marks nothing (the match is in the
 * title), from the title; else the body's start.
 */
const SEARCH_SNIPPET = `
  CREATE FUNCTION search_snippet(p_title text, p_body text, p_codes text[], p_query text) RETURNS text
  LANGUAGE plpgsql STABLE PARALLEL SAFE AS $fn$
  DECLARE
    opts constant text := 'StartSel="[[", StopSel="]]", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';
    q tsquery := plainto_tsquery('search_en', p_query) || plainto_tsquery('search_fr', p_query);
    code constant text := fold_search_text(btrim(p_query));
    at_title int;
    candidate text;
    config regconfig;
    source text;
  BEGIN
    IF code = ANY (p_codes) THEN
      at_title := strpos(fold_search_text(p_title), code);
      RETURN '[[' || CASE WHEN at_title > 0 THEN substr(p_title, at_title, length(code)) ELSE btrim(p_query) END || ']]'
          || coalesce(' · ' || nullif(left(regexp_replace(p_body, '[[:space:]]+', ' ', 'g'), 200), ''), '');
    END IF;
    FOREACH source IN ARRAY ARRAY[p_body, p_title] LOOP
      CONTINUE WHEN source = '';
      FOREACH config IN ARRAY ARRAY['search_en', 'search_fr']::regconfig[] LOOP
        candidate := ts_headline(config, source, q, opts);
        IF strpos(candidate, '[[') > 0 THEN RETURN candidate; END IF;
      END LOOP;
    END LOOP;
    RETURN ts_headline('search_en', CASE WHEN p_body = '' THEN p_title ELSE p_body END, q, opts);
  END
  $fn$`;

/** " · Cancelled" and the like, for a context. */
const status = (expr: string, shown: string[]) =>
  `CASE WHEN ${expr} IN (${shown.map((s) => `'${s}'`).join(', ')}) THEN ' · ' || initcap(lower(${expr})) ELSE '' END`;

/**
 * What each kind shows. Columns: initiative_id, object_id, hit_id, group_id, drafts_only, title,
 * body, context, codes, link. `drafts_only` marks what only those who may read DRAFT meetings
 * (SECRETARIAT; CHAIR or VICE_CHAIR of `group_id`) find: a DRAFT meeting and its agenda.
 */
export const SOURCES: Record<string, string> = {
  working_group: `
    SELECT g.initiative_id, g.id AS object_id, g.id AS hit_id, g.id AS group_id, false AS drafts_only,
           g.name AS title, g.mandate AS body, g.code || ' · Working group' || ${status('g.status', ['PROPOSED', 'CLOSED'])} AS context,
           ARRAY[g.code] AS codes, '/groups/' || g.id AS link
      FROM working_group g`,
  person: `
    SELECT im.initiative_id, p.id AS object_id, p.id AS hit_id, NULL::uuid AS group_id, false AS drafts_only,
           p.name AS title, coalesce(o.name, '') AS body, coalesce(o.acronym, o.name, '') AS context,
           '{}'::text[] AS codes, NULL::text AS link
      FROM initiative_member im
      JOIN person p ON p.id = im.person_id
      LEFT JOIN organization o ON o.id = p.organization_id`,
  terms_of_reference: `
    SELECT t.initiative_id, v.id AS object_id, t.id AS hit_id, t.working_group_id AS group_id, false AS drafts_only,
           t.title, v.body || coalesce(E'\\n' || v.change_summary, '') AS body,
           coalesce(g.code || ' · ', '') || 'Terms of reference, version ' || v.number AS context,
           '{}'::text[] AS codes, '/terms/' || t.id AS link
      FROM tor_version v
      JOIN terms_of_reference t ON t.id = v.tor_id
      LEFT JOIN working_group g ON g.id = t.working_group_id`,
  ballot: `
    SELECT t.initiative_id, b.id AS object_id, b.id AS hit_id, t.working_group_id AS group_id, false AS drafts_only,
           'Ballot: ' || t.title AS title, coalesce(b.cancel_reason, '') AS body,
           coalesce(g.code || ' · ', '') || 'Version ' || v.number || ' · ' || initcap(lower(b.state)) AS context,
           '{}'::text[] AS codes, '/ballots/' || b.id AS link
      FROM ballot b
      JOIN terms_of_reference t ON t.id = b.tor_id
      JOIN tor_version v ON v.id = b.version_id
      LEFT JOIN working_group g ON g.id = t.working_group_id`,
  work_item: `
    SELECT g.initiative_id, wi.id AS object_id, wi.id AS hit_id, g.id AS group_id, false AS drafts_only,
           wi.title, coalesce(wi.description, '') AS body,
           g.code || ' · ' || wp.title || ${status('wi.status', ['CANCELLED', 'DONE'])} AS context,
           '{}'::text[] AS codes, '/groups/' || g.id AS link
      FROM work_item wi
      JOIN work_plan wp ON wp.id = wi.work_plan_id
      JOIN working_group g ON g.id = wp.working_group_id`,
  meeting: `
    SELECT m.initiative_id, m.id AS object_id, m.id AS hit_id, m.working_group_id AS group_id,
           m.status = 'DRAFT' AS drafts_only, m.title,
           concat_ws(E'\\n', m.purpose, m.venue, m.cancellation_reason) AS body,
           coalesce(g.code, 'Plenary') || ' · Meeting ' || m.number || ${status('m.status', ['DRAFT', 'CANCELLED', 'CLOSED'])} AS context,
           ARRAY[m.number::text] AS codes, '/meetings/' || m.id AS link
      FROM meeting m
      LEFT JOIN working_group g ON g.id = m.working_group_id`,
  agenda_item: `
    SELECT m.initiative_id, a.id AS object_id, a.id AS hit_id, m.working_group_id AS group_id,
           m.status = 'DRAFT' AS drafts_only, a.title, coalesce(a.description, '') AS body,
           coalesce(g.code, 'Plenary') || ' · Meeting ' || m.number || ': ' || m.title || ', item ' || a.position AS context,
           '{}'::text[] AS codes, '/meetings/' || m.id AS link
      FROM agenda_item a
      JOIN meeting m ON m.id = a.meeting_id
      LEFT JOIN working_group g ON g.id = m.working_group_id`,
  decision: `
    SELECT m.initiative_id, d.id AS object_id, d.id AS hit_id, m.working_group_id AS group_id,
           m.status = 'DRAFT' AS drafts_only, 'Decision ' || d.number AS title, d.text AS body,
           coalesce(g.code, 'Plenary') || ' · Meeting ' || m.number || ': ' || m.title AS context,
           ARRAY[d.number] AS codes, '/meetings/' || m.id AS link
      FROM decision d
      JOIN meeting m ON m.id = d.meeting_id
      LEFT JOIN working_group g ON g.id = m.working_group_id`,
  kpi: `
    SELECT k.initiative_id, k.id AS object_id, k.id AS hit_id, NULL::uuid AS group_id, false AS drafts_only,
           k.code || ' ' || k.name AS title, concat_ws(E'\\n', k.category, k.sub_dimension, k.definition) AS body,
           'KPI · ' || initcap(replace(lower(k.dimension), '_', ' ')) || ' · ' || initcap(lower(k.level)) AS context,
           ARRAY[k.code] AS codes, '/i/' || i.slug || '/kpis/' || k.id AS link
      FROM kpi k
      JOIN initiative i ON i.id = k.initiative_id`,
};

/** The kind each view shows. */
export const SOURCE_KINDS: Record<string, string> = {
  working_group: 'WORKING_GROUP',
  person: 'PERSON',
  terms_of_reference: 'TERMS_OF_REFERENCE',
  ballot: 'BALLOT',
  work_item: 'WORK_ITEM',
  meeting: 'MEETING',
  agenda_item: 'AGENDA_ITEM',
  decision: 'DECISION',
  kpi: 'KPI',
};

/**
 * Rewrites the entries of these objects of a kind from its view (all of them when ids is NULL: the
 * backfill). ON CONFLICT: two transactions reindexing one object at once (a person renamed while
 * joining an initiative) both write its rows; the later one wins instead of failing.
 */
const SEARCH_REINDEX = `
  CREATE FUNCTION search_reindex(p_kind text, p_ids uuid[]) RETURNS void
  LANGUAGE plpgsql AS $fn$
  DECLARE
    source constant text := 'search_source_' || lower(p_kind);
  BEGIN
    IF p_ids IS NOT NULL AND cardinality(p_ids) = 0 THEN RETURN; END IF;
    DELETE FROM search_entry WHERE kind = p_kind AND (p_ids IS NULL OR object_id = ANY (p_ids));
    EXECUTE format(
      'INSERT INTO search_entry (initiative_id, kind, object_id, hit_id, group_id, drafts_only, title, body, context, codes, link, document)
       SELECT s.initiative_id, %L, s.object_id, s.hit_id, s.group_id, s.drafts_only, s.title, s.body, s.context,
              ARRAY(SELECT fold_search_text(c) FROM unnest(s.codes) c), s.link,
              search_document(s.title, s.body, s.codes)
         FROM %I s WHERE $1 IS NULL OR s.object_id = ANY ($1)
       ON CONFLICT (kind, object_id, initiative_id) DO UPDATE SET
         hit_id = EXCLUDED.hit_id, group_id = EXCLUDED.group_id, drafts_only = EXCLUDED.drafts_only,
         title = EXCLUDED.title, body = EXCLUDED.body, context = EXCLUDED.context, codes = EXCLUDED.codes,
         link = EXCLUDED.link, document = EXCLUDED.document', p_kind, source)
      USING p_ids;
  END
  $fn$`;

/**
 * A statement trigger: the ids `TG_ARGV[1]` selects from `changed` (the rows the statement
 * inserted, deleted, or updated in one of the columns `TG_ARGV[2]`) are reindexed as `TG_ARGV[0]`.
 */
const SEARCH_REINDEX_TRIGGER = `
  CREATE FUNCTION search_reindex_trigger() RETURNS trigger
  LANGUAGE plpgsql AS $fn$
  DECLARE
    changed text;
    ids uuid[];
    watched text := coalesce(TG_ARGV[2], '');
  BEGIN
    IF TG_OP = 'DELETE' THEN
      changed := 'SELECT * FROM old_rows';
    ELSIF TG_OP = 'INSERT' THEN
      changed := 'SELECT * FROM new_rows';
    ELSE
      changed := 'SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id';
      IF watched <> '' THEN
        changed := changed || format(' WHERE (%s) IS DISTINCT FROM (%s)',
          (SELECT string_agg('n.' || quote_ident(c), ', ') FROM unnest(string_to_array(watched, ',')) c),
          (SELECT string_agg('o.' || quote_ident(c), ', ') FROM unnest(string_to_array(watched, ',')) c));
      END IF;
    END IF;
    EXECUTE format('WITH changed AS (%s) SELECT array_agg(DISTINCT x.id) FROM (%s) x', changed, TG_ARGV[1]) INTO ids;
    PERFORM search_reindex(TG_ARGV[0], coalesce(ids, '{}'));
    RETURN NULL;
  END
  $fn$`;

export const SEARCH_FUNCTIONS = [SEARCH_DOCUMENT, SEARCH_QUERY, SEARCH_SNIPPET, SEARCH_REINDEX, SEARCH_REINDEX_TRIGGER];

/** One reindexing rule: on changes of `table`, reindex the `kind` objects selected by `ids` from `changed`. */
export interface SearchTrigger {
  table: string;
  kind: string;
  /** SQL over `changed` (rows of `table`) selecting a column `id` of objects of `kind`. */
  ids: string;
  /** Columns whose update matters; empty: no update trigger. */
  watched: string[];
  /** Whether inserts and deletes of `table` matter too (false for cascades from a parent). */
  insertsAndDeletes: boolean;
}

const own = (table: string, kind: string, watched: string[]): SearchTrigger => ({
  table,
  kind,
  ids: 'SELECT id FROM changed',
  watched,
  insertsAndDeletes: true,
});
const cascade = (table: string, kind: string, ids: string, watched: string[]): SearchTrigger => ({
  table,
  kind,
  ids,
  watched,
  insertsAndDeletes: false,
});

/**
 * Every reindexing rule. Updates are filtered by the columns an entry shows, so frequent updates
 * that change nothing shown (a plan's version, an item's percent complete) cost no reindexing.
 */
export const SEARCH_TRIGGERS: SearchTrigger[] = [
  own('working_group', 'WORKING_GROUP', ['name', 'mandate', 'code', 'status']),
  cascade(
    'working_group',
    'TERMS_OF_REFERENCE',
    'SELECT v.id FROM changed c JOIN terms_of_reference t ON t.working_group_id = c.id JOIN tor_version v ON v.tor_id = t.id',
    ['code'],
  ),
  cascade(
    'working_group',
    'BALLOT',
    'SELECT b.id FROM changed c JOIN terms_of_reference t ON t.working_group_id = c.id JOIN ballot b ON b.tor_id = t.id',
    ['code'],
  ),
  cascade(
    'working_group',
    'WORK_ITEM',
    'SELECT wi.id FROM changed c JOIN work_plan wp ON wp.working_group_id = c.id JOIN work_item wi ON wi.work_plan_id = wp.id',
    ['code'],
  ),
  cascade('working_group', 'MEETING', 'SELECT m.id FROM changed c JOIN meeting m ON m.working_group_id = c.id', ['code']),
  cascade(
    'working_group',
    'AGENDA_ITEM',
    'SELECT a.id FROM changed c JOIN meeting m ON m.working_group_id = c.id JOIN agenda_item a ON a.meeting_id = m.id',
    ['code'],
  ),
  cascade(
    'working_group',
    'DECISION',
    'SELECT d.id FROM changed c JOIN meeting m ON m.working_group_id = c.id JOIN decision d ON d.meeting_id = m.id',
    ['code'],
  ),
  {
    table: 'initiative_member',
    kind: 'PERSON',
    ids: 'SELECT person_id AS id FROM changed',
    watched: [],
    insertsAndDeletes: true,
  },
  cascade('person', 'PERSON', 'SELECT id FROM changed', ['name', 'organization_id']),
  cascade('organization', 'PERSON', 'SELECT p.id FROM changed c JOIN person p ON p.organization_id = c.id', ['name', 'acronym']),
  own('tor_version', 'TERMS_OF_REFERENCE', ['body', 'change_summary', 'number']),
  cascade('terms_of_reference', 'TERMS_OF_REFERENCE', 'SELECT v.id FROM changed c JOIN tor_version v ON v.tor_id = c.id', [
    'title',
  ]),
  cascade('terms_of_reference', 'BALLOT', 'SELECT b.id FROM changed c JOIN ballot b ON b.tor_id = c.id', ['title']),
  own('ballot', 'BALLOT', ['state', 'cancel_reason']),
  own('work_item', 'WORK_ITEM', ['title', 'description', 'status', 'work_plan_id']),
  cascade('work_plan', 'WORK_ITEM', 'SELECT wi.id FROM changed c JOIN work_item wi ON wi.work_plan_id = c.id', ['title']),
  own('meeting', 'MEETING', ['title', 'purpose', 'venue', 'cancellation_reason', 'status', 'number', 'working_group_id']),
  cascade('meeting', 'AGENDA_ITEM', 'SELECT a.id FROM changed c JOIN agenda_item a ON a.meeting_id = c.id', [
    'title',
    'status',
    'number',
  ]),
  cascade('meeting', 'DECISION', 'SELECT d.id FROM changed c JOIN decision d ON d.meeting_id = c.id', [
    'title',
    'status',
    'number',
  ]),
  own('agenda_item', 'AGENDA_ITEM', ['title', 'description', 'position']),
  own('decision', 'DECISION', ['number', 'text']),
  own('kpi', 'KPI', ['code', 'name', 'category', 'sub_dimension', 'definition', 'dimension', 'level']),
  cascade('initiative', 'KPI', 'SELECT k.id FROM changed c JOIN kpi k ON k.initiative_id = c.id', ['slug']),
];

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The CREATE TRIGGER statements of one rule (statement triggers with transition tables: one per event). */
export function searchTriggerSql(rule: SearchTrigger, index: number): string[] {
  const name = (event: string) => `search_${rule.table}_${index}_${event}`;
  const args = (watched: string[]) => [literal(rule.kind), literal(rule.ids), literal(watched.join(','))].join(', ');
  const sql: string[] = [];
  if (rule.insertsAndDeletes) {
    sql.push(
      `CREATE TRIGGER ${name('ins')} AFTER INSERT ON ${rule.table} REFERENCING NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION search_reindex_trigger(${args([])})`,
      `CREATE TRIGGER ${name('del')} AFTER DELETE ON ${rule.table} REFERENCING OLD TABLE AS old_rows
         FOR EACH STATEMENT EXECUTE FUNCTION search_reindex_trigger(${args([])})`,
    );
  }
  if (rule.watched.length) {
    sql.push(
      `CREATE TRIGGER ${name('upd')} AFTER UPDATE ON ${rule.table} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
         FOR EACH STATEMENT EXECUTE FUNCTION search_reindex_trigger(${args(rule.watched)})`,
    );
  }
  return sql;
}
