import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { MailService, QUEUES } from '@app/platform';
import { digestDueOn } from '../delivery/digest-window';
import { type EmailItem, type NotificationDetails, renderDigest, renderEmail } from '../delivery/notification-text';
import type { NotificationKind } from '../planning/reminder-plan';
import { updatedRows } from '../subjects/sql-result';
import { LEGACY_SEND_NOTIFICATION_JOB, SEND_NOTIFICATIONS_JOB, type SendNotificationsJob } from './reminder-timers.service';

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

/** What one mail batch did. */
export interface MailBatchResult {
  /** Notifications this sender claimed (the others were sent, claimed elsewhere, or not IMMEDIATE). */
  claimed: number;
  sent: number;
  failed: number;
}

/** Thrown when some e-mails of a batch failed: BullMQ retries the job, which claims only those again. */
export class MailBatchError extends Error {}

/**
 * E-mail delivery, in batches. A notification e-mail is sent only while emailed_at is NULL and
 * the person wants IMMEDIATE e-mail. A batch job first claims its notifications with ONE
 * UPDATE (a lease of CLAIM_SECONDS, so two senders never send one at once), sends the claimed
 * ones concurrently over the pooled SMTP transport with Message-ID = notification id, then
 * marks the sent ones e-mailed with ONE UPDATE and releases the claims of the failed ones; if
 * any failed, the job throws and BullMQ retries it with exponential backoff (the retry claims
 * only what is still unsent). Exactly once in normal operation; a sender that dies between
 * the SMTP acceptance and the mark leaves its claims to expire, and reconciliation then sends
 * those again (at most a resend, never a loss; the receiver sees the same Message-ID).
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
    if (job.name === SEND_NOTIFICATIONS_JOB) return this.sendNotifications((job.data as SendNotificationsJob).notificationIds);
    if (job.name === LEGACY_SEND_NOTIFICATION_JOB)
      return this.sendNotifications([(job.data as { notificationId: string }).notificationId]);
    if (job.name === DIGEST_JOB) return this.sendDigests();
    return null;
  }

  async sendNotifications(notificationIds: string[]): Promise<MailBatchResult> {
    const claimed = updatedRows<Claimed>(
      await this.dataSource.query(
        `UPDATE notification n
          SET email_attempts = n.email_attempts + 1, email_claimed_until = now() + make_interval(secs => $2)
         FROM person p
        WHERE n.id = ANY($1::uuid[]) AND p.id = n.person_id AND n.emailed_at IS NULL AND p.email_mode = 'IMMEDIATE'
          AND (n.email_claimed_until IS NULL OR n.email_claimed_until < now())
        RETURNING n.id, n.kind, n.details, p.email, p.name, p.time_zone AS "timeZone"`,
        [notificationIds, CLAIM_SECONDS],
      ),
    ).rows;
    if (!claimed.length) return { claimed: 0, sent: 0, failed: 0 };
    const outcomes = await Promise.allSettled(
      claimed.map((c) => {
        const rendered = renderEmail({ kind: c.kind, details: c.details }, c.name, c.timeZone);
        return this.mail.send({ to: c.email, ...rendered, messageId: c.id });
      }),
    );
    const sent = claimed.filter((_, i) => outcomes[i].status === 'fulfilled').map((c) => c.id);
    const failed = claimed.filter((_, i) => outcomes[i].status === 'rejected').map((c) => c.id);
    if (sent.length) {
      await this.dataSource.query(
        `UPDATE notification SET emailed_at = now(), email_claimed_until = NULL WHERE id = ANY($1::uuid[])`,
        [sent],
      );
    }
    if (failed.length) {
      await this.dataSource.query(`UPDATE notification SET email_claimed_until = NULL WHERE id = ANY($1::uuid[])`, [failed]);
      const first = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
      const message = `${failed.length} of ${claimed.length} e-mails failed (first: ${(first.reason as Error)?.message})`;
      this.logger.warn(message);
      throw new MailBatchError(message);
    }
    return { claimed: claimed.length, sent: sent.length, failed: 0 };
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
