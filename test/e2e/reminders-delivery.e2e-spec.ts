import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Fixtures } from '../support/fixtures';
import { startGateway, type GatewayUnderTest } from '../support/gateway-harness';
import { addItem, setPolicy, sleep, startWorker, workItemScene } from '../support/reminders';

/** An SMTP server that refuses the first `failures` messages to one address (451), then accepts. */
class FlakySmtp {
  accepted: ParsedMail[] = [];
  refused = 0;
  private server: SMTPServer;
  port = 0;
  /** The address whose messages are refused and counted (others are accepted and ignored). */
  watched = '';
  constructor(private failures: number) {}
  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = [mail.to].flat().flatMap((t) => t?.value.map((v) => v.address?.toLowerCase()) ?? []);
            if (!to.includes(this.watched)) {
              callback();
              return;
            }
            if (this.refused < this.failures) {
              this.refused++;
              const error = new Error('Try again later') as Error & { responseCode: number };
              error.responseCode = 451;
              callback(error);
              return;
            }
            this.accepted.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }
  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('e-mail delivery retries', () => {
  let gateway: GatewayUnderTest;
  let worker: INestApplicationContext;
  let smtp: FlakySmtp;
  let fx: Fixtures;

  beforeAll(async () => {
    smtp = await new FlakySmtp(2).start();
    gateway = await startGateway();
    worker = await startWorker({ QUEUE_PREFIX: gateway.config.QUEUE_PREFIX, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    fx = new Fixtures(gateway.config);
  });
  afterAll(async () => {
    await worker?.close();
    await gateway?.close();
    await fx?.close();
    await smtp?.stop();
  });

  it('retries an SMTP failure with backoff and delivers exactly once, with the notification id as Message-ID', async () => {
    const s = await workItemScene(fx);
    smtp.watched = s.owner.email.toLowerCase();
    await setPolicy(gateway.gql, s.secretariat.token, s.initiativeId, [], true);
    await fx.query(`UPDATE person SET email_mode = 'OFF' WHERE id = $1`, [s.chair.id]);
    await addItem(fx, s.planId, s.owner.id, new Date(Date.now() + 500));
    const deadline = Date.now() + 45_000;
    while (smtp.accepted.length < 1 && Date.now() < deadline) await sleep(100);
    await sleep(2000);
    expect(smtp.refused).toBe(2);
    expect(smtp.accepted).toHaveLength(1);
    const [row] = await fx.query<{ id: string; attempts: number; emailed: boolean }>(
      `SELECT id, email_attempts AS attempts, emailed_at IS NOT NULL AS emailed FROM notification WHERE person_id = $1`,
      [s.owner.id],
    );
    expect(row).toMatchObject({ attempts: 3, emailed: true });
    expect(smtp.accepted[0].messageId).toBe(`<${row.id}@wgcollab>`);
  }, 90_000);
});
