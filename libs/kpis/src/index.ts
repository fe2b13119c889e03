export * from './kpis/kpi.enums';
export * from './kpis/kpi.model';
export * from './kpis/kpis.service';
export * from './kpis/kpis.reader';
export { upsertKpis, type ImportCounts } from './kpis/kpis.repository';
export * from './catalogue/kpi-rules';
export * from './catalogue/catalogue-file';
export * from './kpis.module';
