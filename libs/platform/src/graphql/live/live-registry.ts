import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { RequestContext } from '../request-context';
import type { LiveSession } from './live-session';

/** One subscription, for its start and end log lines (like the request log line). */
export interface SubscriptionRecord {
  session: LiveSession;
  id: string;
  operationName: string | undefined;
  startedAt: bigint;
  live: boolean;
  /** Ended (or its connection closed) before or after it started. */
  ended: boolean;
  events: number;
  sqlStatements: number;
  codes: string[];
}

/**
 * Who is connected to this gateway and what they subscribe to: the connections per account
 * (LIVE_MAX_CONNECTIONS_PER_PERSON) and one record per subscription, which writes one log line
 * when the subscription starts and one when it ends (events, SQL statements, duration) or is
 * refused (codes). graphql-ws identifies a subscription by its context in some hooks and by
 * socket and id in others, hence the two indexes.
 */
export class LiveRegistry {
  private readonly sessions = new Map<WebSocket, LiveSession>();
  private readonly perPerson = new Map<string, number>();
  private readonly byContext = new WeakMap<RequestContext, SubscriptionRecord>();
  private readonly bySession = new Map<LiveSession, Map<string, SubscriptionRecord>>();
  private active = 0;
  private started = 0;

  constructor(private readonly logger: Logger) {}

  get activeSubscriptions(): number {
    return this.active;
  }

  get startedSubscriptions(): number {
    return this.started;
  }

  connections(): IterableIterator<LiveSession> {
    return this.sessions.values();
  }

  connectionsOf(personId: string): number {
    return this.perPerson.get(personId) ?? 0;
  }

  sessionOf(socket: WebSocket): LiveSession | undefined {
    return this.sessions.get(socket);
  }

  connected(socket: WebSocket, session: LiveSession): void {
    this.sessions.set(socket, session);
    this.bySession.set(session, new Map());
    this.perPerson.set(session.personId, this.connectionsOf(session.personId) + 1);
  }

  disconnected(socket: WebSocket): void {
    const session = this.sessions.get(socket);
    if (!session) return;
    session.markClosed();
    // Subscriptions whose loops have not finished yet end with the connection.
    for (const id of [...(this.bySession.get(session)?.keys() ?? [])]) this.ended(socket, id);
    this.sessions.delete(socket);
    this.bySession.delete(session);
    const held = this.connectionsOf(session.personId) - 1;
    if (held > 0) this.perPerson.set(session.personId, held);
    else this.perPerson.delete(session.personId);
  }

  /** A subscribe message passed its checks and is about to run with this context; false once its connection has closed. */
  prepared(session: LiveSession, id: string, operationName: string | undefined, contextValue: RequestContext): boolean {
    const records = this.bySession.get(session);
    if (!records) return false;
    const record: SubscriptionRecord = {
      session,
      id,
      operationName,
      startedAt: process.hrtime.bigint(),
      live: false,
      ended: false,
      events: 0,
      sqlStatements: 0,
      codes: [],
    };
    this.byContext.set(contextValue, record);
    records.set(id, record);
    return true;
  }

  recordOf(contextValue: RequestContext): SubscriptionRecord | undefined {
    return this.byContext.get(contextValue);
  }

  /** The subscription's resolver accepted it: events flow from now on. */
  startedOne(record: SubscriptionRecord): void {
    // Its connection closed while the resolver ran: graphql-ws returns the iterator at once.
    if (record.ended) return;
    record.live = true;
    this.active += 1;
    this.started += 1;
    this.logger.info({ conn: record.session.id, sub: record.id, operationName: record.operationName }, 'subscription started');
  }

  /** A subscribe message refused before anything ran (limits, validation). */
  refused(session: LiveSession, id: string, codes: (string | undefined)[]): void {
    this.logger.info({ conn: session.id, sub: id, codes }, 'subscription refused');
  }

  failed(socket: WebSocket, id: string, codes: string[]): void {
    const session = this.sessions.get(socket);
    this.bySession
      .get(session as LiveSession)
      ?.get(id)
      ?.codes.push(...codes);
  }

  ended(socket: WebSocket, id: string): void {
    const session = this.sessions.get(socket);
    const record = session ? this.bySession.get(session)?.get(id) : undefined;
    if (!session || !record) return;
    this.bySession.get(session)?.delete(id);
    record.ended = true;
    if (!record.live) {
      if (record.codes.length) this.refused(session, id, record.codes);
      return;
    }
    this.active -= 1;
    this.logger.info(
      {
        conn: session.id,
        sub: id,
        operationName: record.operationName,
        events: record.events,
        sqlStatements: record.sqlStatements,
        durationMs: Number(process.hrtime.bigint() - record.startedAt) / 1e6,
        ...(record.codes.length ? { codes: record.codes } : {}),
      },
      'subscription ended',
    );
  }
}
