import 'reflect-metadata';
import { bootConfig } from '@app/platform';
import { COMMANDS } from './commands';

/**
 * Operator commands: `migrate`, `seed` (demo data), `bootstrap` (first initiative and
 * secretariat). Usage: node dist/apps/cli/main.js <command> [options]
 */
async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Usage: cli <command>\n${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}\n`);
    return 2;
  }
  const { config, logger } = bootConfig('cli');
  return command.run({ config, logger, args });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
