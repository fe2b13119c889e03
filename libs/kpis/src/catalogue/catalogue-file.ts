import { KpiDimension, KpiLevel } from '../kpis/kpi.enums';
import { parseCsv } from './csv';
import { type KpiRecord, kpiProblems, normalisedKpi } from './kpi-rules';

/** A catalogue file read: its KPIs, or every problem (nothing is imported then). */
export type CatalogueFile = { kpis: KpiRecord[]; problems: [] } | { kpis: null; problems: string[] };

/** "Society and Culture", "society-and-culture" or "SOCIETY_AND_CULTURE" -> SOCIETY_AND_CULTURE. */
const enumValue = (value: unknown) =>
  typeof value === 'string'
    ? value
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_')
    : value;

const COLUMNS: Record<string, keyof KpiRecord> = {
  code: 'code',
  name: 'name',
  dimension: 'dimension',
  subdimension: 'subDimension',
  category: 'category',
  level: 'level',
  definition: 'definition',
  unit: 'unit',
};
const REQUIRED_COLUMNS: (keyof KpiRecord)[] = ['code', 'name', 'dimension', 'subDimension', 'category', 'level'];

function toRecord(entry: Partial<Record<keyof KpiRecord, unknown>>): KpiRecord {
  const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
  const optional = (v: unknown) => (v == null ? null : text(v));
  return normalisedKpi({
    code: text(entry.code),
    name: text(entry.name),
    dimension: enumValue(entry.dimension) as KpiDimension,
    subDimension: text(entry.subDimension),
    category: text(entry.category),
    level: enumValue(entry.level) as KpiLevel,
    definition: optional(entry.definition),
    unit: optional(entry.unit),
  });
}

/** KPIs and where each came from (for messages), or the problems of the file. */
function checked(kpis: KpiRecord[], whereOf: (index: number) => string): CatalogueFile {
  const problems = kpiProblems(kpis).map((p) => `${whereOf(p.index)}: ${p.field ? `${p.field} ` : ''}${p.message}`);
  return problems.length ? { kpis: null, problems } : { kpis, problems: [] };
}

/** A JSON catalogue: an array of KPIs, or an object with a `kpis` array (as ../shared/data/u4ssc-kpis.json). */
export function readJsonCatalogue(text: string): CatalogueFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kpis: null, problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  const list = Array.isArray(data) ? data : (data as { kpis?: unknown } | null)?.kpis;
  if (!Array.isArray(list)) return { kpis: null, problems: ['expected an array of KPIs, or an object with a "kpis" array'] };
  if (list.some((e) => typeof e !== 'object' || e === null || Array.isArray(e))) {
    const index = list.findIndex((e) => typeof e !== 'object' || e === null || Array.isArray(e));
    return { kpis: null, problems: [`KPI ${index + 1}: expected an object`] };
  }
  return checked((list as Record<string, unknown>[]).map(toRecord), (index) => `KPI ${index + 1}`);
}

/**
 * A CSV catalogue with a header row naming the columns (any order, any case; subDimension may be
 * written sub_dimension or sub-dimension). Problems name the file's line numbers.
 */
export function readCsvCatalogue(text: string): CatalogueFile {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    return { kpis: null, problems: [(error as Error).message] };
  }
  const [header, ...rows] = records;
  if (!header) return { kpis: null, problems: ['the file is empty: expected a header row'] };
  const columns = header.fields.map(
    (name) =>
      COLUMNS[
        name
          .trim()
          .toLowerCase()
          .replace(/[\s_-]/g, '')
      ] ?? null,
  );
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) return { kpis: null, problems: [`line ${header.line}: the header lacks ${missing.join(', ')}`] };
  const widthProblems = rows
    .filter((r) => r.fields.length !== columns.length)
    .map((r) => `line ${r.line}: ${r.fields.length} fields, the header has ${columns.length}`);
  if (widthProblems.length) return { kpis: null, problems: widthProblems };
  const kpis = rows.map((r) =>
    toRecord(
      Object.fromEntries(
        columns.flatMap((c, i) =>
          c ? [[c, r.fields[i] === '' && (c === 'definition' || c === 'unit') ? null : r.fields[i]]] : [],
        ),
      ),
    ),
  );
  return checked(kpis, (index) => `line ${rows[index]?.line ?? rows.length + 1}`);
}

/** By the file name's extension: .json or .csv. */
export function readCatalogueFile(fileName: string, text: string): CatalogueFile {
  if (/\.json$/i.test(fileName)) return readJsonCatalogue(text);
  if (/\.csv$/i.test(fileName)) return readCsvCatalogue(text);
  return { kpis: null, problems: [`${fileName}: expected a .json or .csv file`] };
}
