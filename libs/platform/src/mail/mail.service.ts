import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable id of this message (e.g. the notification id), so a receiver can spot a retry. */
  messageId?: string;
}

/**
 * Sends e-mail through SMTP_URL. Without SMTP_URL (development and tests only: production
 * refuses to boot without it) each message is written as an .eml file under MAIL_DIR.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL, { from: config.MAIL_FROM })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const message = {
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId ? `<${mail.messageId}@wgcollab>` : undefined,
    };
    const info = await this.transport.sendMail(message);
    if (this.config.SMTP_URL) return;
    await mkdir(this.config.MAIL_DIR, { recursive: true });
    const file = join(this.config.MAIL_DIR, `${Date.now()}-${(mail.messageId ?? 'mail').replace(/[^\w.-]/g, '_')}.eml`);
    await writeFile(file, (info as unknown as { message: Buffer }).message);
    this.logger.log(`No SMTP_URL: wrote "${mail.subject}" for ${mail.to} to ${file}`);
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
