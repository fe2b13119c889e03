import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { parseConnectionUrl } from 'nodemailer/lib/shared';

/** Connections idle this long are closed (servers drop idle sessions after a few minutes). */
const IDLE_CLOSE_MS = 30_000;

interface Pending {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  resolve: (response: string) => void;
  reject: (error: Error) => void;
}

type NodemailerError = Error & { code?: string; responseCode?: number };

/**
 * A pool of up to `size` kept-open SMTP sessions (nodemailer's SMTPConnection: EHLO, STARTTLS,
 * AUTH, pipelined envelope) sending ready-made messages from one FIFO queue. Each session sends
 * one message at a time; a message the server refuses (4xx/5xx) fails alone and the session is
 * reset and reused; a broken session fails its message and is replaced for the next one. No
 * message is ever re-sent here: the caller decides about retries (the notification claims).
 */
export class SmtpPool {
  private readonly options: SMTPConnection.Options;
  private readonly auth: SMTPConnection.AuthenticationCredentials | undefined;
  /** Sessions at most: `size`, or maxConnections from the URL's query string. */
  readonly size: number;
  private readonly queue: Pending[] = [];
  private readonly idle: SMTPConnection[] = [];
  private readonly idleTimers = new Map<SMTPConnection, NodeJS.Timeout>();
  private readonly dead = new WeakSet<SMTPConnection>();
  private lanes = 0;
  private closed = false;

  constructor(url: string, size: number) {
    const { auth, maxConnections, ...rest } = parseConnectionUrl(url) as SMTPConnection.Options & {
      auth?: SMTPConnection.AuthenticationCredentials;
      maxConnections?: number;
    };
    this.options = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000, ...rest };
    this.auth = auth;
    this.size = Number(maxConnections) > 0 ? Number(maxConnections) : size;
  }

  /** Sends one message; resolves with the server's final response. */
  send(envelope: { from: string; to: string[] }, raw: Buffer): Promise<string> {
    if (this.closed) return Promise.reject(new Error('SMTP pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ envelope, raw, resolve, reject });
      while (this.lanes < this.size && this.lanes < this.queue.length) {
        this.lanes++;
        void this.lane();
      }
    });
  }

  /** Stops: queued messages fail, idle sessions quit, busy ones quit after their message. */
  close(): void {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('SMTP pool closed'));
    for (const c of this.idle.splice(0)) this.discard(c, true);
  }

  /** One session sending queued messages until the queue is empty, then parked as idle. */
  private async lane(): Promise<void> {
    let conn: SMTPConnection | null = this.takeIdle();
    try {
      for (let next = this.queue.shift(); next; next = this.closed ? undefined : this.queue.shift()) {
        try {
          conn ??= await this.open();
          next.resolve(await this.sendOn(conn, next));
        } catch (error) {
          next.reject(error as Error);
          const e = error as NodemailerError;
          const refusedOnly = (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') && e.responseCode !== 421;
          if (conn && refusedOnly && !this.dead.has(conn)) {
            if (!(await this.reset(conn))) conn = this.discard(conn);
          } else if (conn) {
            conn = this.discard(conn);
          }
        }
      }
    } finally {
      this.lanes--;
      if (conn) this.park(conn);
    }
  }

  private open(): Promise<SMTPConnection> {
    return new Promise((resolve, reject) => {
      const conn = new SMTPConnection(this.options);
      let settled = false;
      const fail = (error: Error) => {
        this.dead.add(conn);
        if (settled) return;
        settled = true;
        conn.close();
        reject(error);
      };
      conn.on('error', fail);
      conn.on('end', () => {
        this.dead.add(conn);
        this.dropIdle(conn);
      });
      conn.connect((error) => {
        if (error) return fail(error);
        const ready = () => {
          settled = true;
          resolve(conn);
        };
        if (!this.auth) return ready();
        conn.login(this.auth, (loginError) => (loginError ? fail(loginError) : ready()));
      });
    });
  }

  private sendOn(conn: SMTPConnection, p: Pending): Promise<string> {
    return new Promise((resolve, reject) =>
      conn.send(p.envelope, p.raw, (error, info) => (error ? reject(error) : resolve(info?.response ?? ''))),
    );
  }

  private reset(conn: SMTPConnection): Promise<boolean> {
    return new Promise((resolve) => conn.reset((error) => resolve(!error)));
  }

  private takeIdle(): SMTPConnection | null {
    for (let conn = this.idle.pop(); conn; conn = this.idle.pop()) {
      clearTimeout(this.idleTimers.get(conn));
      this.idleTimers.delete(conn);
      if (!this.dead.has(conn)) return conn;
    }
    return null;
  }

  private park(conn: SMTPConnection): void {
    if (this.closed || this.dead.has(conn)) {
      this.discard(conn, true);
      return;
    }
    this.idle.push(conn);
    const timer = setTimeout(() => {
      this.dropIdle(conn);
      this.discard(conn, true);
    }, IDLE_CLOSE_MS);
    timer.unref();
    this.idleTimers.set(conn, timer);
  }

  private dropIdle(conn: SMTPConnection): void {
    const i = this.idle.indexOf(conn);
    if (i >= 0) this.idle.splice(i, 1);
    clearTimeout(this.idleTimers.get(conn));
    this.idleTimers.delete(conn);
  }

  private discard(conn: SMTPConnection, politely = false): null {
    const alive = !this.dead.has(conn);
    this.dead.add(conn);
    if (politely && alive) conn.quit();
    else conn.close();
    return null;
  }
}
