import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Authenticator, QUEUES } from '@app/platform';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'wg_queues_token';
const BOARD_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https://fonts.googleapis.com; " +
  "font-src 'self' data: https://fonts.gstatic.com; img-src 'self' data:; connect-src 'self'";

function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/**
 * Bull Board at /admin/queues for SECRETARIAT accounts (of any initiative). A bearer token,
 * or once ?token=<jwt>, which is moved into an HttpOnly SameSite=Strict cookie so a browser
 * can keep using the dashboard.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    private readonly authenticator: Authenticator,
    private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.system) private readonly system: Queue,
    @InjectQueue(QUEUES.outbox) private readonly outbox: Queue,
    @InjectQueue(QUEUES.ballots) private readonly ballots: Queue,
    @InjectQueue(QUEUES.reminders) private readonly reminders: Queue,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue,
  ) {}

  onModuleInit(): void {
    const http = this.host.httpAdapter;
    if (!http || http.getType() !== 'express') return;
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: [this.system, this.outbox, this.ballots, this.reminders, this.mail].map(
        (q) => new BullMQAdapter(q, { readOnlyMode: false }),
      ),
      // @bull-board/express 9.10.1 carries its own copy of @bull-board/api; the shapes match at runtime.
      serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    });
    const router = serverAdapter.getRouter() as (req: Request, res: Response, next: NextFunction) => void;
    http.getInstance().use(DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
      this.guard(req, res)
        .then((allowed) => {
          if (!allowed) return;
          res.setHeader('Content-Security-Policy', BOARD_CSP);
          router(req, res, next);
        })
        .catch(next);
    });
  }

  /** Answers 401/403 (or the cookie redirect) itself; true when the request may proceed. */
  private async guard(req: Request, res: Response): Promise<boolean> {
    const queryToken = typeof req.query?.token === 'string' ? req.query.token : null;
    const header = req.headers.authorization;
    const token = queryToken ?? (header ? null : cookieValue(req, COOKIE));
    const probe = token ? ({ headers: { authorization: `Bearer ${token}` } } as Request) : req;
    const caller = await this.authenticator.authenticate(probe);
    if (!caller) {
      res.status(401).type('text/plain').send('Sign in: a bearer token of a SECRETARIAT account is required');
      return false;
    }
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM initiative_member WHERE person_id = $1 AND role = 'SECRETARIAT' LIMIT 1`,
      [caller.personId],
    )) as unknown[];
    if (!rows.length) {
      res.status(403).type('text/plain').send('The queue dashboard is for SECRETARIAT accounts');
      return false;
    }
    if (queryToken) {
      const secure = req.secure ? '; Secure' : '';
      res.setHeader(
        'Set-Cookie',
        `${COOKIE}=${encodeURIComponent(queryToken)}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict${secure}`,
      );
      const url = new URL(req.originalUrl, 'http://local');
      url.searchParams.delete('token');
      res.redirect(303, url.pathname + url.search);
      return false;
    }
    return true;
  }
}
