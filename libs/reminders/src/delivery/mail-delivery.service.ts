import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeopleReader } from '@app/identity';
import { AppConfig, MailService } from '@app/platform';
import { invitationAttachments } from './invitation-attachments';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { digestDueOn } from './digest-window';
import { renderDigest, renderEmail } from './notification-text';

/** How long a sender holds a notification before another may try (a crashed sender's lease). */
const CLAIM_SECONDS = 60;

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
 * the person wants IMMEDIATE e-mail. A batch first claims its notifications with ONE UPDATE (a
 * lease of CLAIM_SECONDS, so two senders never send one at once), sends the claimed ones
 * concurrently over the pooled SMTP transport with Message-ID = notification id, then marks the
 * sent ones e-mailed with ONE UPDATE and releases the claims of the failed ones; if any failed, it
 * throws and BullMQ retries the job with exponential backoff (the retry claims only what is still
 * unsent). Exactly once in normal operation; a sender that dies between the SMTP acceptance and
 * the mark leaves its claims to expire, and reconciliation then sends those again (at most a
 * resend, never a loss; the receiver sees the same Message-ID).
 * Digests: DAILY_DIGEST people get one e-mail at 08:00 local time listing the notifications not
 * e-mailed yet (none when there are none).
 */
@Injectable()
export class MailDelivery {
  private readonly logger = new Logger('MailDelivery');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly notifications: NotificationsRepository,
    private readonly recipients: RecipientsRepository,
    private readonly people: PeopleReader,
  ) {}

  async sendNotifications(notificationIds: string[]): Promise<MailBatchResult> {
    const claimed = await this.notifications.claimForEmail(notificationIds, CLAIM_SECONDS);
    if (!claimed.length) return { claimed: 0, sent: 0, failed: 0 };
    const people = await this.people.byIds([...new Set(claimed.map((c) => c.personId))]);
    const recipientOf = new Map(people.map((p) => [p.id, p]));
    const outcomes = await Promise.allSettled(
      claimed.map(async (c) => {
        const recipient = recipientOf.get(c.personId)!;
        const item = { kind: c.kind, details: c.details };
        const rendered = renderEmail(item, recipient.name, recipient.timeZone);
        const attachments = invitationAttachments([item], this.config.MAIL_FROM, recipient);
        return this.mail.send({ to: recipient.email, ...rendered, messageId: c.id, attachments });
      }),
    );
    const sent = claimed.filter((_, i) => outcomes[i].status === 'fulfilled').map((c) => c.id);
    const failed = claimed.filter((_, i) => outcomes[i].status === 'rejected').map((c) => c.id);
    if (sent.length) await this.notifications.markEmailed(sent);
    if (failed.length) {
      await this.notifications.releaseClaims(failed);
      const first = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
      const message = `${failed.length} of ${claimed.length} e-mails failed (first: ${(first.reason as Error)?.message})`;
      this.logger.warn(message);
      throw new MailBatchError(message);
    }
    return { claimed: claimed.length, sent: sent.length, failed: 0 };
  }

  async sendDigests(now = new Date()): Promise<number> {
    let sent = 0;
    const candidates = await this.recipients.digestCandidates();
    const timeZones = new Map((await this.people.byIds(candidates.map((c) => c.id))).map((p) => [p.id, p.timeZone]));
    for (const person of candidates) {
      const timeZone = timeZones.get(person.id);
      const day = timeZone ? digestDueOn(timeZone, now, person.sentOn) : null;
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
      if (!(await this.recipients.takeDigestDay(personId, day, m))) return false;
      const items = await this.notifications.takeForDigest(personId, m);
      if (!items.length) return false;
      const [person] = await this.people.byIds([personId], m);
      const rendered = renderDigest(items, person.name, person.timeZone, day);
      const attachments = invitationAttachments(items, this.config.MAIL_FROM, person);
      await this.mail.send({ to: person.email, ...rendered, messageId: `digest-${personId}-${day}`, attachments });
      return true;
    });
  }
}
