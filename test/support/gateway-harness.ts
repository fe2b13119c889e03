import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { createLogger, DataChanges, type AppConfig } from '@app/platform';
import { DATA_CHANGED_CHANNEL } from '../../libs/platform/src/database/migrations/1790000009200-data-changed-notify';
import { createGateway } from '../../apps/gateway/src/create-gateway';
import { testConfig, uniqueId } from './test-config';

/** Response data in tests: read field by field and checked by the assertions themselves. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface GraphQLResult<T = Json> {
  status: number;
  headers: Headers;
  data: T | null;
  errors: { message: string; extensions: { code: string; [k: string]: unknown }; path?: (string | number)[] }[] | undefined;
  /** SQL statements the request issued (X-Sql-Statements). */
  sqlStatements: number;
}

export interface GatewayUnderTest {
  app: NestExpressApplication;
  config: AppConfig;
  url: string;
  /**
   * One request, after settle(): answers never come from the response cache, and what the
   * gateway remembers (roles) reflects every change committed before. `headers`, e.g.
   * `{ 'cache-control': 'no-cache' }`.
   */
  gql<T = Json>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  /**
   * Resolves once the gateway has heard every change committed before the call (fixtures write
   * straight to PostgreSQL, and the notices reach the gateway's caches a moment later), so what
   * it remembers is what a test expects. Empties its response cache (it hears a change).
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

type Overrides = Record<string, string> | (() => Record<string, string>);

/**
 * The gateway of the tests of the calling block (file or `describe`): started in `beforeAll`
 * (overrides given as a function are read then, e.g. `() => ({ SMTP_URL: sink.url })`) and
 * closed in `afterAll`. Returns an accessor with the gateway's own shape, usable inside tests
 * and the hooks registered after this call.
 */
export function useGateway(overrides: Overrides = {}, logger?: Logger): GatewayUnderTest {
  let started: GatewayUnderTest | null = null;
  const current = (): GatewayUnderTest => {
    if (!started) throw new Error('useGateway(): the gateway runs from beforeAll to afterAll of the block that called it');
    return started;
  };
  beforeAll(async () => {
    started = await startGateway(typeof overrides === 'function' ? overrides() : overrides, logger);
  });
  afterAll(async () => {
    await started?.close();
    started = null;
  });
  return {
    get app() {
      return current().app;
    },
    get config() {
      return current().config;
    },
    get url() {
      return current().url;
    },
    gql: <T = Json>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>) =>
      current().gql<T>(query, variables, token, headers),
    settle: () => current().settle(),
    close: async () => {
      const gateway = current();
      started = null;
      await gateway.close();
    },
  };
}

/**
 * Boots the real gateway in-process on a random port, against the test database and Redis.
 * `logger`: to read what the gateway logs (e.g. `createLogger('info', 'gateway', stream)`).
 */
export async function startGateway(overrides: Record<string, string> = {}, logger?: Logger): Promise<GatewayUnderTest> {
  const config = testConfig(overrides);
  const app = await createGateway(config, logger ?? createLogger(config.LOG_LEVEL, 'gateway'));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    config,
    url,
    // Fixtures write straight to PostgreSQL: settle first, so every request sees them, as a
    // user a moment later would (the response-cache test sends its own requests to see hits).
    gql: async (query, variables, token, headers) => {
      await changesHeard(app);
      return postGraphQL(url, query, variables, token, headers);
    },
    settle: () => changesHeard(app),
    close: () => app.close(),
  };
}

/**
 * Sends a notice of its own and waits until the gateway hears it: notices arrive in commit
 * order, so every earlier one has been handled by then. Nothing to wait for while the gateway
 * does not listen, or when the database cannot be reached (fault tests): its caches are off then.
 */
async function changesHeard(app: NestExpressApplication): Promise<void> {
  const marker = `settle-${uniqueId()}`;
  let live = false;
  let done!: () => void;
  const settled = new Promise<void>((resolve) => (done = resolve));
  const unsubscribe = app.get(DataChanges).subscribe({
    changed: (table) => table === marker && done(),
    setLive: (value) => {
      live = value;
      if (!value) done();
    },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    if (!live) return;
    try {
      await app.get(DataSource).query(`SELECT pg_notify($1, $2)`, [DATA_CHANGED_CHANNEL, marker]);
    } catch {
      return;
    }
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the gateway did not hear its change notice within 20 s')), 20_000);
    });
    await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
    unsubscribe();
  }
}

export async function postGraphQL<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: T | null; errors?: GraphQLResult['errors'] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`Non-JSON GraphQL response ${response.status}: ${text.slice(0, 300)}`);
  }
  return {
    status: response.status,
    headers: response.headers,
    data: body.data ?? null,
    errors: body.errors,
    sqlStatements: Number(response.headers.get('x-sql-statements') ?? NaN),
  };
}

/** The data of a result that must have succeeded; throws with its errors otherwise. */
export function ok<T>(result: GraphQLResult<T>): T {
  if (result.errors?.length || result.data === null) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** The error codes of a result, in order (handy for exact assertions). */
export const errorCodes = (result: GraphQLResult<unknown>) => (result.errors ?? []).map((e) => e.extensions.code);
