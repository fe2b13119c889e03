import 'reflect-metadata';
import { bootConfig, exitCleanlyOnSignals, exitOnBootFailure } from '@app/platform';
import { createGateway } from './create-gateway';

const started = process.hrtime.bigint();
const { config, logger } = bootConfig('gateway');

createGateway(config, logger)
  .then(async (app) => {
    exitCleanlyOnSignals(app, logger);
    await app.listen(config.PORT, '0.0.0.0');
    const bootMs = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info({ port: config.PORT, bootMs, graphql: `${config.publicUrl}/graphql` }, 'gateway listening');
  })
  .catch(exitOnBootFailure(logger));
