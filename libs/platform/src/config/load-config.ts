import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig, DEVELOPMENT_JWT_SECRET } from './app-config';

/** A configuration problem; its message is one line naming the variable. */
export class ConfigError extends Error {}

const SECRET_NAMES = new Set(['JWT_SECRET', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'DEMO_PASSWORD']);

/**
 * Reads and validates the configuration from an environment (process.env by default).
 * Unknown variables are ignored; empty strings count as unset.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const keys = Object.keys(new AppConfig()).concat(['SMTP_URL', 'PUBLIC_URL', 'GRAPHQL_INTROSPECTION', 'SQL_COUNT_HEADER']);
  const raw: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const [first] = validateSync(config, { forbidUnknownValues: false });
  if (first) {
    // Report the type problem first ("must be an integer"), then range or format problems.
    const constraints = first.constraints ?? {};
    const key =
      ['isInt', 'isBoolean', 'isIn', 'isString', 'matches'].find((k) => k in constraints) ?? Object.keys(constraints)[0];
    const expected = constraints[key] ?? 'a valid value';
    const shown = SECRET_NAMES.has(first.property) ? '' : ` (got "${String(raw[first.property])}")`;
    // Built-in messages already start with the property name; our own say only what is expected.
    const sentence = expected.startsWith(first.property) ? expected : `${first.property} must be ${expected}`;
    throw new ConfigError(`Invalid configuration: ${sentence}${shown}`);
  }
  if (config.isProduction) {
    if (config.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      throw new ConfigError('Invalid configuration: JWT_SECRET must be set to your own secret when NODE_ENV=production');
    }
    if (!config.SMTP_URL) {
      throw new ConfigError('Invalid configuration: SMTP_URL must be set when NODE_ENV=production');
    }
  }
  return config;
}
