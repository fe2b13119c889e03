import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { MailService, QUEUES } from '@app/platform';
import { digestDueOn } from '../delivery/digest-window';
import { type EmailItem, type NotificationDetails, renderDigest, renderEmail } from '../delivery/notification-text';
import type { NotificationKind } from '../planning/reminder-plan';
import { updatedRows } from '../subjects/sql-result';
import { SEND_NOTIFICATION_JOB, type SendNotificationJob } from './reminder-timers.service';

export const DIGEST_SCHEDULER = 'mail-digest';
export const DIGEST_JOB = 'digest';
/** How long a sender holds a notification before another may try (a crashed sender's lease). */
const CLAIM_SECONDS = 60;

interface Claimed {
  id: string;
  kind: NotificationKind;
  details: NotificationDetails;
  email: string;
  name: string;
  timeZone: string;
}

/**
 * E-mail delivery. A notification e-mail is sent only while emailed_at is NULL and the person
 * wants IMMEDIATE e-mail; the sender first claims it (a short lease, so two workers never send
 * it at once), sends with Message-ID = notification id, then sets emailed_at. An SMTP failure
 * releases the claim and throws: BullMQ retries with exponential backoff.
 * The digest job sends DAILY_DIGEST people one e-mail at 08:00 local time listing the
 * notifications not e-mailed yet (none when there are none).
 */
@Processor(QUEUES.mail, { concurrency: 8, lockDuration: 60_000, stalledInterval: 5000 })
export class MailProcessor extends WorkerHost {
  private readonly logger = new Logger('MailDelivery');

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === SEND_NOTIFICATION_JOB) return this.sendNotification((job.data as SendNotificationJob).notificationId);
    if (job.name === DIGEST_JOB) return this.sendDigests();
    return null;
  }

  async sendNotification(notificationId: string): Promise<boolean> {
    const [claimed] = updatedRows<Claimed>(
      await this.dataSource.query(
        `UPDATE notification n
          SET email_attempts = n.email_attempts + 1, email_claimed_until = now() + make_interval(secs => $2)
         FROM person p
        WHERE n.id = $1 AND p.id = n.person_id AND n.emailed_at IS NULL AND p.email_mode = 'IMMEDIATE'
          AND (n.email_claimed_until IS NULL OR n.email_claimed_until < now())
        RETURNING n.id, n.kind, n.details, p.email, p.name, p.time_zone AS "timeZone"`,
        [notificationId, CLAIM_SECONDS],
      ),
    ).rows;
    if (!claimed) return false;
    const rendered = renderEmail({ kind: claimed.kind, details: claimed.details }, claimed.name, claimed.timeZone);
    try {
      await this.mail.send({ to: claimed.email, ...rendered, messageId: claimed.id });
    } catch (error) {
      await this.dataSource.query(`UPDATE notification SET email_claimed_until = NULL WHERE id = $1`, [claimed.id]);
      this.logger.warn(`e-mail of notification ${claimed.id} failed: ${(error as Error).message}`);
      throw error;
    }
    await this.dataSource.query(`UPDATE notification SET emailed_at = now(), email_claimed_until = NULL WHERE id = $1`, [
      claimed.id,
    ]);
    return true;
  }

  async sendDigests(now = new Date()): Promise<number> {
    const people = (await this.dataSource.query(
      `SELECT id, time_zone AS "timeZone", to_char(digest_sent_on, 'YYYY-MM-DD') AS "sentOn"
         FROM person WHERE email_mode = 'DAILY_DIGEST'
          AND digest_sent_on IS DISTINCT FROM (now() AT TIME ZONE time_zone)::date`,
    )) as { id: string; timeZone: string; sentOn: string | null }[];
    let sent = 0;
    for (const person of people) {
      const day = digestDueOn(person.timeZone, now, person.sentOn);
      if (!day) continue;
      try {
        if (await this.sendDigest(person.id, day)) sent++;
      } catch (error) {
        this.logger.warn(`digest of ${person.id} failed: ${(error as Error).message}`);
      }
    }
    return sent;
  }

  /** One person's digest in one transaction: a failed send rolls back and is retried next run. */
  private sendDigest(personId: string, day: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [person] = (await m.query(
        `SELECT email, name, time_zone AS "timeZone" FROM person
          WHERE id = $1 AND email_mode = 'DAILY_DIGEST' AND digest_sent_on IS DISTINCT FROM $2::date FOR UPDATE`,
        [personId, day],
      )) as { email: string; name: string; timeZone: string }[];
      if (!person) return false;
      await m.query(`UPDATE person SET digest_sent_on = $2::date WHERE id = $1`, [personId, day]);
      const { rows } = updatedRows<EmailItem>(
        await m.query(
          `UPDATE notification SET emailed_at = now()
          WHERE person_id = $1 AND emailed_at IS NULL AND kind <> 'INVITATION' AND created_at > now() - interval '2 days'
          RETURNING kind, details`,
          [personId],
        ),
      );
      if (!rows.length) return false;
      const rendered = renderDigest(rows, person.name, person.timeZone, day);
      await this.mail.send({ to: person.email, ...rendered, messageId: `digest-${personId}-${day}` });
      return true;
    });
  }
}
