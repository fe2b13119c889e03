import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { readCatalogueFile, upsertKpis } from '@app/kpis';
import { dataSourceOptions, runMigrationsLocked } from '@app/platform';
import type { Command } from './command';
import { initiativeIdBySlug } from './initiatives.repository';

const USAGE =
  'Usage: cli kpis import <initiative-slug> <file.json|file.csv>\n' +
  '  JSON: an array of KPIs, or {"kpis": [...]}; CSV: a header row naming code, name, dimension, subDimension,\n' +
  '  category, level and optionally definition, unit. Dimension ECONOMY, ENVIRONMENT or SOCIETY_AND_CULTURE\n' +
  '  ("Society and Culture" too); level CORE or ADVANCED. Creates or updates by code; a bad row imports nothing.';

/**
 * Imports a KPI catalogue from a file into an initiative, as importKpis does (an operator's
 * command: no GraphQL caller). Every problem is printed, by line (CSV) or KPI number (JSON), and
 * then nothing is imported.
 */
export const kpisCommand: Command = {
  name: 'kpis',
  summary: 'kpis import <slug> <file.json|file.csv>: import a KPI catalogue',
  async run({ config, logger, args }) {
    const [verb, slug, fileName, ...rest] = args;
    if (verb !== 'import' || !slug || !fileName || rest.length) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(fileName, 'utf8');
    } catch (error) {
      process.stderr.write(`${fileName}: ${(error as Error).message}\n`);
      return 2;
    }
    const file = readCatalogueFile(fileName, text);
    if (!file.kpis) {
      process.stderr.write(`${file.problems.map((p) => `${fileName}: ${p}`).join('\n')}\nNothing was imported.\n`);
      return 1;
    }
    const kpis = file.kpis;
    const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    try {
      await runMigrationsLocked(dataSource);
      const outcome = await dataSource.transaction(async (m) => {
        const initiativeId = await initiativeIdBySlug(m, slug);
        return initiativeId ? upsertKpis(m, initiativeId, kpis) : null;
      });
      if (!outcome) {
        process.stderr.write(`No initiative has the slug "${slug}"; nothing was imported.\n`);
        return 1;
      }
      const unchanged = kpis.length - outcome.created - outcome.updated;
      logger.info({ slug, ...outcome, unchanged }, 'KPI catalogue imported');
      process.stdout.write(`${slug}: ${outcome.created} created, ${outcome.updated} updated, ${unchanged} unchanged.\n`);
      return 0;
    } finally {
      await dataSource.destroy();
    }
  },
};
