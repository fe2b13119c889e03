import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig, Authenticator, QUEUES } from '@app/platform';
import { derivedKey } from '../derived-key';
import { DashboardAccess, type DashboardAccessLevel } from './dashboard-access';
import { type DashboardClaims, signDashboardToken, verifyDashboardToken } from './dashboard-token';
import { QueueOverviewAdapter } from './queue-overview.adapter';

export const DASHBOARD_PATH = '/admin/queues';
const SESSION_COOKIE = 'wg_queues_session';
/** A ticket travels in a URL (history, proxy logs): minutes, and once. */
const TICKET_LIFETIME_MS = 2 * 60_000;
const SESSION_LIFETIME_MS = 30 * 60_000;
/** Redis script: remembers a ticket id until its expiry, answering OK only the first time. */
const USE_TICKET = 'wgUseDashboardTicket';
/** Bull Board reads with GET; everything else changes a queue. */
const READ_METHODS = new Set(['GET', 'HEAD']);
const BOARD_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https://fonts.googleapis.com; " +
  "font-src 'self' data: https://fonts.gstatic.com; img-src 'self' data:; connect-src 'self'";

type Handler = (req: Request, res: Response, next: NextFunction) => void;

function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function refuse(res: Response, status: number, message: string): void {
  res.status(status).type('text/plain').send(message);
}

/**
 * Bull Board at /admin/queues. Platform operators get the full board; a SECRETARIAT of any
 * initiative a read-only one without job details (QueueOverviewAdapter), and any request that
 * would change a queue is refused with 403 before Bull Board sees it.
 *
 * Scripts send `Authorization: Bearer <access token>`. A browser asks for a ticket with
 * `POST /admin/queues/tickets` (bearer token), opens the returned URL within two minutes, and
 * gets a 30-minute session cookie (HttpOnly, SameSite=Strict, path /admin/queues, Secure in
 * production) in exchange; a ticket opens the board once. The access token itself is never
 * accepted in a URL.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly key: Buffer;
  /** Redis clients that know the USE_TICKET script. */
  private readonly ticketCommandOn = new WeakSet<object>();

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly authenticator: Authenticator,
    private readonly access: DashboardAccess,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.system) private readonly system: Queue,
    @InjectQueue(QUEUES.outbox) private readonly outbox: Queue,
    @InjectQueue(QUEUES.ballots) private readonly ballots: Queue,
    @InjectQueue(QUEUES.reminders) private readonly reminders: Queue,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue,
  ) {
    this.key = derivedKey(config.JWT_SECRET, 'queue-dashboard');
  }

  onModuleInit(): void {
    const http = this.host.httpAdapter;
    if (!http || http.getType() !== 'express') return;
    const queues = [this.system, this.outbox, this.ballots, this.reminders, this.mail];
    const boards: Record<DashboardAccessLevel, Handler> = {
      read: board(queues.map((q) => new QueueOverviewAdapter(q))),
      write: board(queues.map((q) => new BullMQAdapter(q, { readOnlyMode: false }))),
    };
    http.getInstance().use(DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
      this.handle(req, res, boards, next).catch(next);
    });
  }

  private async handle(req: Request, res: Response, boards: Record<DashboardAccessLevel, Handler>, next: NextFunction) {
    if (req.method === 'POST' && req.path === '/tickets') return this.issueTicket(req, res);
    if (typeof req.query.ticket === 'string') return this.exchangeTicket(req.query.ticket, req, res);
    const personId = await this.viewer(req);
    if (!personId) return refuse(res, 401, 'Sign in: a bearer token, or a ticket from POST /admin/queues/tickets');
    const level = await this.access.levelOf(personId);
    if (!level) return refuse(res, 403, 'The queue dashboard is for SECRETARIAT accounts and platform operators');
    if (level === 'read' && !READ_METHODS.has(req.method))
      return refuse(res, 403, 'Only platform operators may change queues (PLATFORM_OPERATORS)');
    res.setHeader('Content-Security-Policy', BOARD_CSP);
    boards[level](req, res, next);
  }

  /** The person behind the bearer token, else behind the session cookie. */
  private async viewer(req: Request): Promise<string | null> {
    if (req.headers.authorization) return (await this.authenticator.authenticate(req))?.personId ?? null;
    const session = cookieValue(req, SESSION_COOKIE);
    return session ? (verifyDashboardToken(this.key, session, 'session')?.sub ?? null) : null;
  }

  private async issueTicket(req: Request, res: Response): Promise<void> {
    const caller = await this.authenticator.authenticate(req);
    if (!caller) return refuse(res, 401, 'Sign in: a bearer token is required');
    if (!(await this.access.levelOf(caller.personId)))
      return refuse(res, 403, 'The queue dashboard is for SECRETARIAT accounts and platform operators');
    const { token, claims } = signDashboardToken(this.key, 'ticket', caller.personId, TICKET_LIFETIME_MS);
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({
      url: `${this.config.publicUrl}${DASHBOARD_PATH}?ticket=${token}`,
      expiresAt: new Date(claims.exp).toISOString(),
    });
  }

  private async exchangeTicket(ticket: string, req: Request, res: Response): Promise<void> {
    const claims = verifyDashboardToken(this.key, ticket, 'ticket');
    if (!claims || !(await this.firstUse(claims)))
      return refuse(res, 401, 'This dashboard link has expired or was used: ask for a new ticket');
    if (!(await this.access.levelOf(claims.sub)))
      return refuse(res, 403, 'The queue dashboard is for SECRETARIAT accounts and platform operators');
    const session = signDashboardToken(this.key, 'session', claims.sub, SESSION_LIFETIME_MS).token;
    // Behind a TLS-terminating proxy req.secure may be false: production always marks it Secure.
    const secure = this.config.isProduction || req.secure ? '; Secure' : '';
    res.setHeader(
      'Set-Cookie',
      `${SESSION_COOKIE}=${session}; Path=${DASHBOARD_PATH}; Max-Age=${SESSION_LIFETIME_MS / 1000}; HttpOnly; SameSite=Strict${secure}`,
    );
    const url = new URL(req.originalUrl, 'http://local');
    url.searchParams.delete('ticket');
    res.redirect(303, url.pathname + url.search);
  }

  /** True the first time a ticket is presented, on any gateway (Redis remembers it until it expires). */
  private async firstUse(claims: DashboardClaims): Promise<boolean> {
    const redis = await this.system.getBackend().client;
    if (!this.ticketCommandOn.has(redis)) {
      redis.defineCommand(USE_TICKET, { numberOfKeys: 1, lua: `return redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX')` });
      this.ticketCommandOn.add(redis);
    }
    const key = `${this.config.QUEUE_PREFIX}:dashboard-ticket:${claims.jti}`;
    return (await redis.runCommand(USE_TICKET, [key, Math.max(1, claims.exp - Date.now())])) === 'OK';
  }
}

function board(adapters: BullMQAdapter[]): Handler {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: adapters,
    // @bull-board/express 9.10.1 carries its own copy of @bull-board/api; the shapes match at runtime.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
  });
  return serverAdapter.getRouter() as Handler;
}
