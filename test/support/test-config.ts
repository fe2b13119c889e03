import { randomBytes } from 'node:crypto';
import { type AppConfig, loadConfig } from '@app/platform';

/** A short random token for unique test data (e-mails, slugs, codes, queue prefixes). */
export const uniqueId = (bytes = 4) => randomBytes(bytes).toString('hex');

/**
 * The configuration of an in-process gateway or worker under test: the test database from
 * the environment, a random port, a queue prefix of its own so tests never see each other's
 * jobs, and quiet logs (LOG_LEVEL=debug when TEST_LOG is set).
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG ? 'debug' : 'silent',
    QUEUE_PREFIX: `t${uniqueId()}`,
    ...overrides,
  });
}
