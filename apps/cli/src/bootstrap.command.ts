import type { Command } from './command';

/** Creates an initiative and its first secretariat account (filled by the structure module). */
export const bootstrapCommand: Command = {
  name: 'bootstrap',
  summary: 'create an initiative and its first secretariat account',
  async run({ logger }) {
    logger.error('bootstrap is not available yet');
    return 1;
  },
};
