import { KpiDimension, KpiLevel } from '../kpis/kpi.enums';
import { type KpiRecord, kpiProblems, MAX_KPIS_PER_IMPORT, normalisedKpi } from './kpi-rules';

const kpi = (over: Partial<KpiRecord> = {}): KpiRecord => ({
  code: 'EC:ICT:ICT:1C',
  name: 'Household Internet Access',
  dimension: KpiDimension.ECONOMY,
  subDimension: 'ICT',
  category: 'ICT Infrastructure',
  level: KpiLevel.CORE,
  ...over,
});

describe('KPI rules', () => {
  it('accepts a well-formed KPI', () => {
    expect(kpiProblems([kpi(), kpi({ code: 'SC/2.A_b-3' })])).toEqual([]);
  });

  it('names each problem with its index and field', () => {
    expect(
      kpiProblems([
        kpi(),
        kpi({ code: 'EC:ICT:ICT:1C', name: 'x'.repeat(201), unit: 'a\u0007b', definition: 'y'.repeat(10001) }),
        kpi({ code: '', category: '', level: 'HIGH' as KpiLevel }),
      ]),
    ).toEqual([
      { index: 1, field: 'code', message: 'repeats the code of KPI 1' },
      { index: 1, field: 'name', message: 'must be at most 200 characters' },
      { index: 1, field: 'definition', message: 'must be at most 10000 characters' },
      { index: 1, field: 'unit', message: 'must not contain control characters' },
      { index: 2, field: 'code', message: 'must be 1-50 letters, digits or : . _ / - (starting with a letter or digit)' },
      { index: 2, field: 'category', message: 'is required' },
      { index: 2, field: 'level', message: 'must be one of CORE, ADVANCED' },
    ]);
  });

  it('refuses more than MAX_KPIS_PER_IMPORT KPIs at once', () => {
    const many = Array.from({ length: MAX_KPIS_PER_IMPORT + 1 }, (_, i) => kpi({ code: `K${i}` }));
    expect(kpiProblems(many)).toEqual([{ index: MAX_KPIS_PER_IMPORT, field: null, message: 'at most 2000 KPIs per import' }]);
  });

  it('trims texts and stores empty optional ones as null', () => {
    expect(normalisedKpi(kpi({ code: ' A ', name: ' N ', definition: '  ', unit: ' % ' }))).toMatchObject({
      code: 'A',
      name: 'N',
      definition: null,
      unit: '%',
    });
  });
});
