import { simpleParser } from 'mailparser';
import { composeMessage, parseMailbox } from './mime-message';

describe('composeMessage', () => {
  it('attaches files after the text and HTML (multipart/mixed), read back whole by mailparser', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nX-NOTE:Genève\r\nEND:VCALENDAR\r\n';
    const { raw } = composeMessage({
      from: 'x@example.org',
      to: 'ana@example.org',
      subject: 'Meeting announced',
      text: 'Hello',
      html: '<p>Hello</p>',
      attachments: [{ filename: 'invitation.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics }],
    });
    const mail = await simpleParser(raw);
    expect([mail.text?.trim(), mail.html]).toEqual(['Hello', '<p>Hello</p>']);
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.contentDisposition, a.content.toString('utf8')])).toEqual([
      ['invitation.ics', 'text/calendar', 'attachment', ics],
    ]);
  });

  it('builds a text message with its envelope and Message-ID', async () => {
    const { envelope, raw } = composeMessage({
      from: 'Working groups <no-reply@example.org>',
      to: 'chair@example.org',
      subject: 'Due in 7 days: KPI report',
      text: 'Hello,\n\nThe KPI report is due.\n',
      messageId: 'n-1@wgcollab',
      date: new Date('2016-07-22T09:00:00Z'),
    });
    expect(envelope).toEqual({ from: 'no-reply@example.org', to: ['chair@example.org'] });
    const text = raw.toString('utf8');
    expect(text).toContain('Message-ID: <n-1@wgcollab>\r\n');
    expect(text).toContain('Date: Fri, 22 Jul 2016 09:00:00 +0000\r\n');
    expect(text).toContain('Content-Transfer-Encoding: 7bit\r\n\r\nHello,\r\n\r\nThe KPI report is due.\r\n');
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Due in 7 days: KPI report');
    expect(mail.messageId).toBe('<n-1@wgcollab>');
    expect(mail.from?.value).toEqual([{ name: 'Working groups', address: 'no-reply@example.org' }]);
    expect(mail.text).toBe('Hello,\n\nThe KPI report is due.\n');
    expect(mail.date?.toISOString()).toBe('2016-07-22T09:00:00.000Z');
  });

  it('encodes non-ASCII names, subjects and bodies, and sends HTML as an alternative', async () => {
    const title = 'Fällig in 1 Tag: Bericht über die Indikatoren für nachhaltige Städte — 東京 '.repeat(3).trim();
    const { raw } = composeMessage({
      from: 'Zürich Secretariat <sec@example.org>',
      to: 'Jörg <joerg@example.org>',
      subject: title,
      text: `Grüße\n${'x'.repeat(1200)}`,
      html: '<p>Grüße</p>',
    });
    const text = raw.toString('utf8');
    expect([...text].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(text.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(title);
    expect(mail.from?.value).toEqual([{ name: 'Zürich Secretariat', address: 'sec@example.org' }]);
    expect(mail.to).toMatchObject({ value: [{ name: 'Jörg', address: 'joerg@example.org' }] });
    expect(mail.text).toBe(`Grüße\n${'x'.repeat(1200)}`);
    expect(mail.html).toBe('<p>Grüße</p>');
  });

  it('never lets header text start a new header', async () => {
    const { raw } = composeMessage({
      from: 'a@example.org',
      to: 'b@example.org',
      subject: 'Hi\r\nBcc: x@evil.example',
      text: 'x',
    });
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(mail.subject).toBe('Hi Bcc: x@evil.example');
  });

  it('keeps bare CRs and other control characters out of headers and bodies', async () => {
    const controls = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('') + '\u007f\u0085';
    const { raw } = composeMessage({
      from: 'a@example.org',
      to: 'b@example.org',
      subject: `Due: x\rBcc: x@evil.example\u0085y`,
      text: `Title x\r.\rMAIL FROM:<x@evil.example>\n[${controls}]`,
      html: `<p>x\r.\r</p>`,
    });
    const text = raw.toString('utf8');
    // Line breaks only as CRLF, nothing else below U+0020 but tab, no DEL.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(mail.subject).toBe('Due: x Bcc: x@evil.example y');
    expect(mail.text).toBe('Title x\n.\nMAIL FROM:<x@evil.example>\n[\t\n\n]');
    expect(mail.html).toBe('<p>x\n.\n</p>');
  });

  it('reads a bare address or a named mailbox', () => {
    expect(parseMailbox('a@example.org')).toEqual({ name: '', address: 'a@example.org' });
    expect(parseMailbox('"Doe, Jane" <jane@example.org>')).toEqual({ name: 'Doe, Jane', address: 'jane@example.org' });
  });
});
