import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { ConfigError, loadConfig } from '../config/load-config';
import { createLogger } from '../logging/logger';

/**
 * Reads the configuration for a process entry point. A wrong value ends the process with
 * exit code 1 and one line naming the variable, before anything else starts.
 */
export function bootConfig(appName: string): { config: AppConfig; logger: Logger } {
  try {
    const config = loadConfig();
    return { config, logger: createLogger(config.LOG_LEVEL, appName) };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Logs a fatal start-up error and exits non-zero. */
export function exitOnBootFailure(logger: Logger) {
  return (error: unknown) => {
    logger.fatal({ err: error }, 'failed to start');
    process.exit(1);
  };
}
