import { readFileSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { readJsonCatalogue, upsertKpis } from '@app/kpis';
import { sharedFile } from '../repository-root';
import { DEMO_INITIATIVE_SLUG } from './demo-structure.seed';
import type { SeedStep } from './seed-step';

/** The U4SSC KPIs for smart sustainable cities, as the shared data file lists them (91: 59 core, 32 advanced). */
export const DEMO_KPI_FILE = ['data', 'u4ssc-kpis.json'];

/** Demo work items (by title) and the KPIs they address (by code). */
export const DEMO_KPI_LINKS: Record<string, string[]> = {
  'Guidelines on open data for smart governance': ['EC:ICT:PS:1A', 'EC:ICT:PS:2A'],
  'Inventory of city open data portals': ['EC:ICT:PS:1A'],
  'Citizen participation case studies': ['SC:SH:SI:4C'],
};

/**
 * The demo KPI catalogue of U4SSC, imported by code (a second run finds every KPI unchanged), and a
 * few demo work items linked to the KPIs they address.
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
    for (const [title, codes] of Object.entries(DEMO_KPI_LINKS)) {
      await m.query(
        `INSERT INTO work_item_kpi (work_item_id, kpi_id, initiative_id)
         SELECT i.id, k.id, k.initiative_id
           FROM work_item i JOIN work_plan p ON p.id = i.work_plan_id JOIN working_group g ON g.id = p.working_group_id
           JOIN kpi k ON k.initiative_id = g.initiative_id AND k.code = ANY($3::text[])
          WHERE g.initiative_id = $1 AND i.title = $2
         ON CONFLICT DO NOTHING`,
        [initiative.id, title, codes],
      );
    }
  },
};
