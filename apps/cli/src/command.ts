import type { Logger } from 'pino';
import type { AppConfig } from '@app/platform';

export interface CommandContext {
  config: AppConfig;
  logger: Logger;
  args: string[];
}

export interface Command {
  name: string;
  summary: string;
  /** Resolves to the process exit code. */
  run(context: CommandContext): Promise<number>;
}
