import type { INestApplicationContext } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';
import { useFixtures } from '../support/fixtures';
import { useDatabaseOfItsOwn } from '../support/own-database';
import { addItem, reminderPolicy, sleep, startWorker, workItemScene } from '../support/reminders';
import { addressedTo, SmtpSink } from '../support/smtp-sink';

/** An SMTP server that refuses the first `failures` messages to one address (451), then accepts. */
class FlakySmtp extends SmtpSink {
  refused = 0;
  /** The address whose messages are refused and counted. */
  watched = '';
  constructor(private readonly failures: number) {
    super();
  }
  protected override refusal(mail: ParsedMail) {
    if (!addressedTo(mail, this.watched) || this.refused >= this.failures) return null;
    this.refused++;
    return Object.assign(new Error('Try again later'), { responseCode: 451 });
  }
  get accepted(): ParsedMail[] {
    return this.to(this.watched);
  }
}

useDatabaseOfItsOwn();

describe('e-mail delivery retries', () => {
  const fx = useFixtures();
  let worker: INestApplicationContext;
  let smtp: FlakySmtp;

  beforeAll(async () => {
    smtp = await new FlakySmtp(2).start();
    worker = await startWorker({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await worker?.close();
    await smtp?.stop();
  });

  it('retries an SMTP failure with backoff and delivers exactly once, with the notification id as Message-ID', async () => {
    const s = await workItemScene(fx);
    smtp.watched = s.owner.email.toLowerCase();
    await reminderPolicy(fx, s.initiativeId, [], true);
    await fx.query(`INSERT INTO notification_preferences (person_id, email_mode) VALUES ($1, 'OFF')`, [s.chair.id]);
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
