import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../config/load-config';
import { MailService } from './mail.service';
import { SmtpPool } from './smtp-pool';

/** A local SMTP server (smtp-server) that counts its connections; `options` adds the handlers of a test. */
async function countingServer(options: ConstructorParameters<typeof SMTPServer>[0]) {
  const counted = { connections: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect: (_session, callback) => {
      counted.connections++;
      callback();
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    counted,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('MailService without SMTP_URL', () => {
  it('writes each message as an .eml file under MAIL_DIR', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mail-'));
    const mail = new MailService(loadConfig({ MAIL_DIR: dir, MAIL_FROM: 'Platform <no-reply@example.org>' }));
    await mail.send({ to: 'chair.wg1@u4ssc.example', subject: 'Due in 7 days', text: 'KPI report', messageId: 'n-1' });
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/-n-1\.eml$/);
    const eml = await readFile(join(dir, files[0]), 'utf8');
    expect(eml).toContain('To: chair.wg1@u4ssc.example');
    expect(eml).toContain('Subject: Due in 7 days');
    expect(eml).toContain('Message-ID: <n-1@wgcollab>');
    expect(eml).toContain('KPI report');
    mail.onModuleDestroy();
  });
});

describe('MailService with SMTP_URL', () => {
  it('keeps SMTP_POOL_SIZE sessions; maxConnections in the URL wins', () => {
    expect(new SmtpPool('smtp://mail.example.org:25', 8).size).toBe(8);
    expect(new SmtpPool('smtp://mail.example.org:25/?pool=true&maxConnections=3', 8).size).toBe(3);
  });

  it('sends concurrent messages over at most SMTP_POOL_SIZE connections, each with its Message-ID', async () => {
    const ids: string[] = [];
    const { counted, port, close } = await countingServer({
      onData: (stream, _session, callback) => {
        let head = '';
        stream.on('data', (chunk: Buffer) => (head += chunk.toString('latin1')));
        stream.on('end', () => {
          ids.push(/^message-id:\s*<([^>]+)>/im.exec(head)![1]);
          callback();
        });
      },
    });
    const mail = new MailService(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_POOL_SIZE: '2' }));
    try {
      const sends = Array.from({ length: 20 }, (_, i) =>
        mail.send({ to: `p${i}@example.org`, subject: 'Due in 1 day', text: 'x', messageId: `n-${i}` }),
      );
      await Promise.all(sends);
      expect(ids.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `n-${i}@wgcollab`).sort());
      expect(counted.connections).toBeLessThanOrEqual(2);
    } finally {
      mail.onModuleDestroy();
      await close();
    }
  });
});

describe('MailService against a refusing server', () => {
  it('fails a refused message alone and keeps sending the others over the same session', async () => {
    const accepted: string[] = [];
    const { counted, port, close } = await countingServer({
      onRcptTo: (address, _session, callback) => {
        if (address.address.startsWith('refused')) {
          const error = new Error('No such user') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        stream.resume();
        stream.on('end', () => {
          accepted.push(session.envelope.rcptTo[0].address);
          callback();
        });
      },
    });
    const mail = new MailService(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_POOL_SIZE: '1' }));
    try {
      const to = ['a@example.org', 'refused@example.org', 'b@example.org'];
      const outcomes = await Promise.allSettled(to.map((t) => mail.send({ to: t, subject: 'S', text: 'x' })));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(accepted).toEqual(['a@example.org', 'b@example.org']);
      expect(counted.connections).toBe(1);
    } finally {
      mail.onModuleDestroy();
      await close();
    }
  });
});
