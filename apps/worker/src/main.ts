import 'reflect-metadata';
import { bootConfig, exitOnBootFailure } from '@app/platform';
import { createWorker } from './create-worker';

const { config, logger } = bootConfig('worker');

createWorker(config, logger)
  .then(() => logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'worker started'))
  .catch(exitOnBootFailure(logger));
