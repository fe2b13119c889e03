import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

/** The development JWT secret: fine on a laptop, refused when NODE_ENV=production. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-do-not-use-in-production';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/**
 * Every setting of the platform, read from the environment once at boot.
 * The property name is the variable name, so a validation message names the variable.
 * Defaults are for development; production refuses the unsafe ones (see loadConfig).
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/wgcollab';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Transform(toBool)
  @IsBoolean()
  MIGRATE_ON_BOOT = true;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis. */
  @Matches(/^[a-zA-Z0-9_-]{1,40}$/, { message: '1-40 letters, digits, _ or -' })
  QUEUE_PREFIX = 'wg';

  @IsString()
  @Matches(/^.{32,}$/s, { message: 'a secret of at least 32 characters' })
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @Matches(/^\d+[smhd]$/, { message: 'a lifetime such as 12h, 30m or 7d' })
  JWT_EXPIRES_IN = '12h';

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /**
   * SMTP connections kept open per process (nodemailer pool); e-mails are sent concurrently over
   * them. `maxConnections` / `maxMessages` in SMTP_URL's query string win over this.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SMTP_POOL_SIZE = 8;

  @IsString()
  @Matches(/\S+@\S+/, { message: 'a sender address, e.g. "Platform <no-reply@example.org>"' })
  MAIL_FROM = 'Working groups <no-reply@localhost>';

  /** Folder of .eml files written instead of sending when SMTP_URL is unset (development only). */
  @IsString()
  MAIL_DIR = '.data/mail';

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'an http(s):// URL without a trailing path' })
  PUBLIC_URL?: string;

  /**
   * Folder of the built web client (`npm run build` writes it): the gateway serves it at `/`.
   * Relative to the working directory; when it has no index.html the gateway serves the API only.
   */
  @IsString()
  @Matches(/\S/, { message: 'a folder path' })
  WEB_DIST_DIR = 'dist/web';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^\d+(b|kb|mb)$/, { message: 'a size such as 1mb or 512kb' })
  BODY_LIMIT = '1mb';

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  /** Mutations one signed-in account may send per minute, across all gateways; 0 turns the limit off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  MUTATION_RATE_LIMIT = 600;

  /**
   * How long the gateway may answer a repeated query of one caller from memory (ms); every
   * committed change empties the cache at once, so this only bounds clock-driven values
   * (overdue counts, a ballot passing its closing time). 0 turns the cache off.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  RESPONSE_CACHE_TTL_MS = 2000;

  /** Most answers the response cache keeps per gateway (least recently used go first). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RESPONSE_CACHE_MAX_ENTRIES = 5000;

  /**
   * Most bytes of answers the response cache keeps per gateway, counted as their JSON with their
   * keys (least recently used go first); an answer over a sixteenth of it is never kept.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1_073_741_824)
  RESPONSE_CACHE_MAX_BYTES = 16_777_216;

  /** Most aliased fields in one request (aliases multiply expensive fields). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  GRAPHQL_MAX_ALIASES = 50;

  /**
   * Highest accepted estimated cost of an operation (query-cost.ts: about the fields it resolves,
   * pages counted at their `first`, lists without pages at up to 10 elements).
   */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(1_000_000)
  GRAPHQL_MAX_COMPLEXITY = 50_000;

  /** Most lexical tokens in one GraphQL document (a string literal is one); more is refused while parsing. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  GRAPHQL_MAX_TOKENS = 1000;

  /** Most fragment spreads (`...Name`) in one GraphQL document. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  GRAPHQL_MAX_FRAGMENT_SPREADS = 100;

  /** Introspection and the in-browser IDE; default on outside production. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  /**
   * Most live-update WebSocket connections one account may hold on one gateway (a browser tab
   * holds one); more are closed with 4429.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LIVE_MAX_CONNECTIONS_PER_PERSON = 10;

  /** Most subscriptions one WebSocket connection may hold at once (a page needs two or three). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

  /**
   * How often every open WebSocket's access token is checked again, in ms (it is also checked
   * before each event): an expired or revoked token's connection is closed with 4401 within this.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  LIVE_TOKEN_CHECK_MS = 15_000;

  /**
   * Which proxies in front of the gateway are trusted to name the client in X-Forwarded-For
   * (Express's `trust proxy`): `false`, `true`, a number of hops, or a comma-separated list of
   * addresses, CIDR ranges and `loopback`, `linklocal`, `uniquelocal`. The client address
   * limits sign-in attempts.
   */
  @ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value) => typeof value === 'string' && parseTrustProxy(value) !== null,
      defaultMessage: () =>
        'false, true, a number of hops, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal, uniquelocal',
    },
  })
  TRUST_PROXY = 'loopback';

  /** Comma-separated list of allowed browser origins; empty means same-origin only. */
  @IsString()
  CORS_ORIGINS = '';

  /**
   * Comma-separated e-mail addresses of the platform operators (case-insensitive): the only
   * accounts that may change queues in the dashboard (pause, retry, clean, remove).
   */
  @IsString()
  @Matches(/^\s*([^\s@,]+@[^\s@,]+(\s*,\s*[^\s@,]+@[^\s@,]+)*)?\s*$/, {
    message: 'a comma-separated list of e-mail addresses',
  })
  PLATFORM_OPERATORS = '';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WORKER_CONCURRENCY = 16;

  /** Interval of the worker's heartbeat job scheduler, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  HEARTBEAT_EVERY_MS = 60_000;

  /** Interval of the reminder reconciliation job scheduler, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  RECONCILE_EVERY_MS = 300_000;

  /** Interval at which the worker drains the outbox into reminder jobs, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_POLL_MS = 1000;

  /** How far ahead reconciliation rebuilds reminder timers, in milliseconds (default 30 days). */
  @Transform(toInt)
  @IsInt()
  @Min(60_000)
  REMINDER_WINDOW_MS = 2_592_000_000;

  /** Interval of the DAILY_DIGEST check (digests go out at 08:00 local time), in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  DIGEST_EVERY_MS = 60_000;

  /** Adds X-Sql-Statements to GraphQL responses (tests and benchmarks); default on outside production. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SQL_COUNT_HEADER?: boolean;

  @IsString()
  @Matches(/^.{8,}$/s, { message: 'at least 8 characters' })
  DEMO_PASSWORD = 'u4ssc-demo-2016';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }

  get introspectionEnabled(): boolean {
    return this.GRAPHQL_INTROSPECTION ?? !this.isProduction;
  }

  get sqlCountHeader(): boolean {
    return this.SQL_COUNT_HEADER ?? !this.isProduction;
  }

  /** TRUST_PROXY as Express takes it. */
  get trustProxy(): TrustProxy {
    return parseTrustProxy(this.TRUST_PROXY) as TrustProxy;
  }

  /** PLATFORM_OPERATORS, lower-cased. */
  get platformOperators(): string[] {
    return this.PLATFORM_OPERATORS.split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean);
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }
}
