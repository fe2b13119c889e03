import { readFileSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { readJsonCatalogue, upsertKpis } from '@app/kpis';
import { sharedFile } from '../repository-root';
import { DEMO_INITIATIVE_SLUG } from './demo-structure.seed';
import type { SeedStep } from './seed-step';

/** The U4SSC KPIs for smart sustainable cities, as the shared data file lists them (91: 59 core, 32 advanced). */
export const DEMO_KPI_FILE = ['data', 'u4ssc-kpis.json'];

/**
 * The demo KPI catalogue of U4SSC, imported by code: a second run finds every KPI unchanged.
 * The file's own figures are kept (some sources disagree on a few core/advanced suffixes).
 */
export const demoKpisSeed: SeedStep = {
  name: 'KPI catalogue',
  async run(m: EntityManager) {
    const path = sharedFile(...DEMO_KPI_FILE);
    const file = readJsonCatalogue(readFileSync(path, 'utf8'));
    if (!file.kpis) throw new Error(`${path}: ${file.problems.join('; ')}`);
    const [initiative] = (await m.query(`SELECT id FROM initiative WHERE slug = $1`, [DEMO_INITIATIVE_SLUG])) as { id: string }[];
    await upsertKpis(m, initiative.id, file.kpis);
  },
};
