import { DEVELOPMENT_JWT_SECRET } from './app-config';
import { ConfigError, loadConfig } from './load-config';

const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail.example.org:25' };

describe('loadConfig', () => {
  it('has development defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.introspectionEnabled).toBe(true);
  });

  it('reads and converts values', () => {
    const config = loadConfig({
      PORT: '8080',
      MIGRATE_ON_BOOT: 'false',
      PUBLIC_URL: 'https://wg.example.org/',
      CORS_ORIGINS: 'https://a.org, https://b.org',
      PLATFORM_OPERATORS: ' Ops@Example.org,root@example.org ',
    });
    expect(config.PORT).toBe(8080);
    expect(config.MIGRATE_ON_BOOT).toBe(false);
    expect(config.publicUrl).toBe('https://wg.example.org');
    expect(config.corsOrigins).toEqual(['https://a.org', 'https://b.org']);
    expect(config.platformOperators).toEqual(['ops@example.org', 'root@example.org']);
    expect(loadConfig({}).platformOperators).toEqual([]);
  });

  it.each([
    [{ PORT: 'eighty' }, 'Invalid configuration: PORT must be an integer number (got "eighty")'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must not be greater than 65535 (got "70000")'],
    [{ DATABASE_URL: 'mysql://x' }, 'Invalid configuration: DATABASE_URL must be a postgres:// URL'],
    [
      { LOG_LEVEL: 'loud' },
      'Invalid configuration: LOG_LEVEL must be one of the following values: fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [
      { PLATFORM_OPERATORS: 'ops@example.org; root' },
      'Invalid configuration: PLATFORM_OPERATORS must be a comma-separated list of e-mail addresses (got "ops@example.org; root")',
    ],
    [{ JWT_SECRET: 'short' }, 'Invalid configuration: JWT_SECRET must be a secret of at least 32 characters'],
    [
      { ...production, JWT_SECRET: DEVELOPMENT_JWT_SECRET },
      'Invalid configuration: JWT_SECRET must be set to your own secret when NODE_ENV=production',
    ],
    [{ ...production, SMTP_URL: '' }, 'Invalid configuration: SMTP_URL must be set when NODE_ENV=production'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  it('reads TRUST_PROXY as Express takes it (default: loopback proxies)', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, 192.0.2.7, fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.0.2.7',
      'fd00::/8',
    ]);
  });

  it.each(['yes', 'proxy.example.org', '10.0.0.0/33', '10.0.0.1/8/1', 'loopback, nonsense', '-1'])(
    'refuses TRUST_PROXY=%s with one line naming the variable',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        new ConfigError(
          `Invalid configuration: TRUST_PROXY must be false, true, a number of hops, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal, uniquelocal (got "${value}")`,
        ),
      );
    },
  );

  it('accepts a complete production configuration and turns introspection off by default', () => {
    const config = loadConfig(production);
    expect(config.isProduction).toBe(true);
    expect(config.introspectionEnabled).toBe(false);
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'true' }).introspectionEnabled).toBe(true);
  });
});
