import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * On SIGTERM or SIGINT: close the application (HTTP server, BullMQ workers, which finish
 * their active jobs first, queues, database pool) and exit 0. Nest's own shutdown hooks
 * re-raise the signal after closing, which ends the process with no exit code; process
 * managers and our tests expect a clean 0. A second signal exits at once.
 */
export function exitCleanlyOnSignals(app: INestApplicationContext, logger: Logger): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, 'shutting down: finishing active work');
    app.close().then(
      () => {
        logger.info('shut down cleanly');
        logger.flush?.();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
