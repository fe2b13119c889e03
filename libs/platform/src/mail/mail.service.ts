import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { composeMessage, type MailAttachment } from './mime-message';
import { SmtpPool } from './smtp-pool';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable id of this message (e.g. the notification id), so a receiver can spot a retry. */
  messageId?: string;
  attachments?: MailAttachment[];
}

/**
 * Sends e-mail through SMTP_URL over a pool of SMTP_POOL_SIZE kept-open SMTP sessions:
 * concurrent `send` calls share them (a call waits for a free session), so a caller may send a
 * batch with Promise.allSettled. Messages are composed in one piece (mime-message.ts) and sent
 * with nodemailer's SMTP connection. Without SMTP_URL (development and tests only: production
 * refuses to boot without it) each message is written as an .eml file under MAIL_DIR.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly pool: SmtpPool | null;

  constructor(private readonly config: AppConfig) {
    this.pool = config.SMTP_URL ? new SmtpPool(config.SMTP_URL, config.SMTP_POOL_SIZE) : null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const { envelope, raw } = composeMessage({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId ? `${mail.messageId}@wgcollab` : undefined,
      attachments: mail.attachments,
    });
    if (this.pool) {
      await this.pool.send(envelope, raw);
      return;
    }
    await mkdir(this.config.MAIL_DIR, { recursive: true });
    const file = join(this.config.MAIL_DIR, `${Date.now()}-${(mail.messageId ?? 'mail').replace(/[^\w.-]/g, '_')}.eml`);
    await writeFile(file, raw);
    this.logger.log(`No SMTP_URL: wrote "${mail.subject}" for ${mail.to} to ${file}`);
  }

  onModuleDestroy(): void {
    this.pool?.close();
  }
}
