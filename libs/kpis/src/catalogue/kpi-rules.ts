import { KpiDimension, KpiLevel } from '../kpis/kpi.enums';

/** A KPI as imported (GraphQL KpiInput, a JSON entry or a CSV row, once read). */
export interface KpiRecord {
  code: string;
  name: string;
  dimension: KpiDimension;
  subDimension: string;
  category: string;
  level: KpiLevel;
  definition?: string | null;
  unit?: string | null;
}

/** A problem with the KPI at `index` (0-based) of an import. */
export interface KpiProblem {
  index: number;
  field: keyof KpiRecord | null;
  message: string;
}

/** The most KPIs one import may carry (U4SSC has 91). */
export const MAX_KPIS_PER_IMPORT = 2000;

const CODE = /^[A-Za-z0-9][A-Za-z0-9:._/-]{0,49}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const TEXTS: { field: keyof KpiRecord; max: number; required: boolean }[] = [
  { field: 'name', max: 200, required: true },
  { field: 'subDimension', max: 100, required: true },
  { field: 'category', max: 200, required: true },
  { field: 'definition', max: 10000, required: false },
  { field: 'unit', max: 100, required: false },
];

/** Trimmed texts, and null for an empty optional one: what is stored. */
export function normalisedKpi(kpi: KpiRecord): KpiRecord {
  const optional = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
  return {
    code: kpi.code.trim(),
    name: kpi.name.trim(),
    dimension: kpi.dimension,
    subDimension: kpi.subDimension.trim(),
    category: kpi.category.trim(),
    level: kpi.level,
    definition: optional(kpi.definition),
    unit: optional(kpi.unit),
  };
}

/** Every problem of a list of (normalised) KPIs: codes, lengths, control characters, enums, duplicate codes. */
export function kpiProblems(kpis: readonly KpiRecord[]): KpiProblem[] {
  if (kpis.length > MAX_KPIS_PER_IMPORT) {
    return [{ index: MAX_KPIS_PER_IMPORT, field: null, message: `at most ${MAX_KPIS_PER_IMPORT} KPIs per import` }];
  }
  const problems: KpiProblem[] = [];
  const seen = new Map<string, number>();
  kpis.forEach((kpi, index) => {
    const code = typeof kpi.code === 'string' ? kpi.code : '';
    if (!CODE.test(code)) {
      problems.push({
        index,
        field: 'code',
        message: 'must be 1-50 letters, digits or : . _ / - (starting with a letter or digit)',
      });
    } else {
      const key = code;
      const first = seen.get(key);
      if (first !== undefined) problems.push({ index, field: 'code', message: `repeats the code of KPI ${first + 1}` });
      else seen.set(key, index);
    }
    for (const { field, max, required } of TEXTS) {
      const value = kpi[field];
      if (value == null || value === '') {
        if (required) problems.push({ index, field, message: 'is required' });
      } else if (typeof value !== 'string' || value.length > max) {
        problems.push({ index, field, message: `must be at most ${max} characters` });
      } else if (CONTROL.test(value)) {
        problems.push({ index, field, message: 'must not contain control characters' });
      }
    }
    if (!Object.values(KpiDimension).includes(kpi.dimension)) {
      problems.push({ index, field: 'dimension', message: `must be one of ${Object.values(KpiDimension).join(', ')}` });
    }
    if (!Object.values(KpiLevel).includes(kpi.level)) {
      problems.push({ index, field: 'level', message: `must be one of ${Object.values(KpiLevel).join(', ')}` });
    }
  });
  return problems;
}
