import type { Command } from './command';

/** Loads the U4SSC demo data; refused in production. Idempotent. */
export const seedCommand: Command = {
  name: 'seed',
  summary: 'load the U4SSC demo data (refused when NODE_ENV=production)',
  async run({ config, logger }) {
    if (config.isProduction) {
      logger.error('seed refuses to run when NODE_ENV=production');
      return 1;
    }
    logger.info('demo seed: nothing to load yet');
    return 0;
  },
};
