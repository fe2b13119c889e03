import 'reflect-metadata';
import { bootConfig, exitCleanlyOnSignals, exitOnBootFailure } from '@app/platform';
import { createWorker } from './create-worker';

const { config, logger } = bootConfig('worker');

createWorker(config, logger)
  .then((app) => {
    exitCleanlyOnSignals(app, logger);
    logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'worker started');
  })
  .catch(exitOnBootFailure(logger));
