import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Whether a message is addressed to `address` (case-insensitive). */
export const addressedTo = (mail: ParsedMail, address: string): boolean =>
  [mail.to].flat().some((t) => t?.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()));

/**
 * A real SMTP server on a random local port that keeps every message it accepts. Stop it after
 * whatever sends to it has closed: open sessions would hold it open for 30 s.
 */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const refusal = this.refusal(mail);
            if (!refusal) this.messages.push(mail);
            callback(refusal ?? undefined);
          })
          .catch(callback);
      },
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  /** An SMTP error to answer the message with instead of accepting it (none by default). */
  protected refusal(_mail: ParsedMail): (Error & { responseCode: number }) | null {
    return null;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages sent to an address (case-insensitive). */
  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => addressedTo(m, address));
  }

  /** Waits until `predicate` holds for the collected messages (polling), or fails after timeoutMs. */
  async waitFor(predicate: (messages: ParsedMail[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      if (Date.now() > deadline)
        throw new Error(`SMTP sink: condition not met within ${timeoutMs} ms (${this.messages.length} messages)`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
