import { readFileSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { readJsonCatalogue, upsertKpis } from '@app/kpis';
import { initiativeIdBySlug } from '../initiatives.repository';
import { sharedFile } from '../repository-root';
import { DemoKpisRepository } from './demo-kpis.repository';
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
    const initiativeId = (await initiativeIdBySlug(m, DEMO_INITIATIVE_SLUG))!;
    await upsertKpis(m, initiativeId, file.kpis);
    const links = new DemoKpisRepository(m);
    for (const [title, codes] of Object.entries(DEMO_KPI_LINKS)) await links.linkItemsByTitle(initiativeId, title, codes);
  },
};
