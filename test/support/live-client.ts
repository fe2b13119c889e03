import type { FormattedExecutionResult } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { LiveServer } from '@app/platform';
import { type Fixtures, useFixtures } from './fixtures';
import { type GatewayUnderTest, useGateway } from './gateway-harness';

/** Generous: the machine running the tests is busy; events are awaited, never slept for. */
const EVENT_TIMEOUT_MS = 30_000;

export interface LiveError {
  message: string;
  extensions?: { code?: string; reason?: string; [k: string]: unknown };
}

export type LiveMessage<T> =
  { kind: 'next'; result: FormattedExecutionResult<T, unknown> } | { kind: 'error'; errors: LiveError[] } | { kind: 'complete' };

function withTimeout<T>(promise: Promise<T>, what: string, ms = EVENT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The messages of one subscription, in order, awaited one at a time. */
export class LiveSubscription<T = Record<string, unknown>> {
  private readonly messages: LiveMessage<T>[] = [];
  private waiter: ((m: LiveMessage<T>) => void) | null = null;
  readonly unsubscribe: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    this.unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => this.add({ kind: 'next', result }),
        error: (error) => {
          // graphql-ws hands over the error messages' payload, or the close event of the socket.
          const errors = Array.isArray(error)
            ? (error as LiveError[])
            : [{ message: String((error as { reason?: string }).reason ?? error) }];
          this.add({ kind: 'error', errors });
        },
        complete: () => this.add({ kind: 'complete' }),
      },
    );
  }

  /** The next message, whatever it is. */
  message(what = 'subscription message'): Promise<LiveMessage<T>> {
    const queued = this.messages.shift();
    if (queued) return Promise.resolve(queued);
    return withTimeout(new Promise<LiveMessage<T>>((resolve) => (this.waiter = resolve)), what);
  }

  /** The next event's data; fails on anything else. */
  async next(what = 'event'): Promise<T> {
    const message = await this.message(what);
    if (message.kind !== 'next') throw new Error(`${what}: expected an event, got ${JSON.stringify(message)}`);
    if (message.result.errors?.length) throw new Error(`${what}: event with errors ${JSON.stringify(message.result.errors)}`);
    return message.result.data as T;
  }

  /** The errors of the next message, which must be an error message. */
  async errors(what = 'error'): Promise<LiveError[]> {
    const message = await this.message(what);
    if (message.kind !== 'error') throw new Error(`${what}: expected an error, got ${JSON.stringify(message)}`);
    return message.errors;
  }

  /** Messages received and not yet taken. */
  get pending(): number {
    return this.messages.length;
  }

  private add(message: LiveMessage<T>): void {
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter(message);
    } else this.messages.push(message);
  }
}

/** A graphql-ws client of one gateway, signed in with `token` (or not), that never reconnects. */
export class LiveClient {
  readonly connected: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly client: Client;

  /** `gateway`: an in-process gateway, or the base URL of one (http://host:port). */
  constructor(gateway: GatewayUnderTest | string, token?: string, connectionParams?: Record<string, unknown>) {
    const base = typeof gateway === 'string' ? gateway : gateway.url;
    let connected!: () => void;
    let closed!: (event: { code: number; reason: string }) => void;
    this.connected = new Promise((resolve) => (connected = resolve));
    this.closed = new Promise((resolve) => (closed = resolve));
    this.client = createClient({
      url: `${base.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: connectionParams ?? (token ? { authorization: `Bearer ${token}` } : {}),
      lazy: false,
      retryAttempts: 0,
      shouldRetry: () => false,
      onNonLazyError: () => undefined,
      on: {
        connected: () => connected(),
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          closed({ code, reason: String(reason) });
        },
      },
    });
  }

  subscribe<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): LiveSubscription<T> {
    return new LiveSubscription<T>(this.client, query, variables);
  }

  whenConnected(): Promise<void> {
    return withTimeout(this.connected, 'connection_ack');
  }

  whenClosed(): Promise<{ code: number; reason: string }> {
    return withTimeout(this.closed, 'socket close');
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

/**
 * Subscribes and resolves once the gateway has started the subscription (its resolver has
 * authorised it and registered it with its feed), so every change committed from now on reaches
 * it. graphql-ws acknowledges no subscribe message: the gateway's count is the signal.
 */
export async function subscribed<T = Record<string, unknown>>(
  gateway: GatewayUnderTest,
  client: LiveClient,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<LiveSubscription<T>> {
  const live = gateway.app.get(LiveServer);
  const before = live.startedSubscriptions;
  const subscription = client.subscribe<T>(query, variables);
  const deadline = Date.now() + EVENT_TIMEOUT_MS;
  while (live.startedSubscriptions <= before) {
    if (subscription.pending) throw new Error(`the subscription did not start: ${JSON.stringify(await subscription.message())}`);
    if (Date.now() > deadline) throw new Error(`the subscription did not start within ${EVENT_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return subscription;
}

/** Two gateway replicas sharing one PostgreSQL, one Redis and one BullMQ prefix (as deployed). */
export interface Replicas {
  a: GatewayUnderTest;
  b: GatewayUnderTest;
  fixtures: Fixtures;
  /** A signed-in live client of one replica, closed after the test. */
  client(gateway: GatewayUnderTest, token: string): LiveClient;
}

/** Registers the hooks that start two replicas for the calling block and close each test's clients. */
export function useReplicas(): Replicas {
  const a = useGateway();
  const b = useGateway(() => ({ QUEUE_PREFIX: a.config.QUEUE_PREFIX }));
  const fixtures = useFixtures();
  const clients: LiveClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  return {
    a,
    b,
    fixtures,
    client: (gateway, token) => {
      const c = new LiveClient(gateway, token);
      clients.push(c);
      return c;
    },
  };
}

/**
 * What subscribing gets a caller (the authorisation matrix's verdict): 'ok' once the gateway has
 * started the subscription, the code of the error message that refuses it, or UNAUTHENTICATED
 * when the connection itself is refused (4403: no valid token).
 */
export async function subscriptionOutcome(
  gateway: GatewayUnderTest,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<string> {
  const client = new LiveClient(gateway, token);
  try {
    const refused = client.closed.then(({ code }) => (code === 4403 ? 'UNAUTHENTICATED' : `closed with ${code}`));
    const subscribing = client.connected.then(async () => {
      try {
        await subscribed(gateway, client, query, variables);
        return 'ok';
      } catch (error) {
        const code = /"code":"([A-Z_]+)"/.exec(String((error as Error).message))?.[1];
        return code ?? String((error as Error).message);
      }
    });
    return await withTimeout(Promise.race([refused, subscribing]), 'subscription outcome');
  } finally {
    await client.close();
  }
}
