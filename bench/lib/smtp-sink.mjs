// A local SMTP sink: accepts every message and records its Message-ID and the time it was accepted.
import { SMTPServer } from 'smtp-server';

export async function startSmtpSink() {
  const accepted = []; // { id, at }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 200,
    onData(stream, _session, callback) {
      let head = '';
      let done = false;
      stream.on('data', (chunk) => {
        if (done) return;
        head += chunk.toString('latin1');
        if (head.includes('\r\n\r\n') || head.length > 16_384) done = true;
      });
      stream.on('end', () => {
        const match = /^message-id:\s*<([^>@]+)@?[^>]*>/im.exec(head);
        accepted.push({ id: match ? match[1] : null, at: Date.now() });
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address();
  return { port, accepted, close: () => new Promise((r) => server.close(r)) };
}
