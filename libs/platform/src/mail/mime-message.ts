import addressparser from 'nodemailer/lib/addressparser';
import { encodeWord } from 'nodemailer/lib/mime-funcs';

/**
 * A whole RFC 5322 message as one buffer, built directly (no stream pipeline): the platform's
 * e-mails are a plain text part and an optional HTML alternative, so this is all they need,
 * at a small fraction of the CPU of a general MIME composer (which matters at thousands of
 * reminders per second). Non-ASCII header text becomes RFC 2047 encoded words; a body that is
 * ASCII with short lines goes as 7bit, any other as base64.
 */

export interface MessageInput {
  /** "Name <address>" or a bare address. */
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Message-ID without the angle brackets, e.g. "<notification id>@wgcollab". */
  messageId?: string;
  date?: Date;
  /** Files attached after the text (e.g. an invitation's .ics): the message becomes multipart/mixed. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  /** ASCII file name, e.g. "invitation.ics". */
  filename: string;
  /** Full content type, e.g. `text/calendar; charset=utf-8; method=REQUEST`. */
  contentType: string;
  content: string;
}

export interface ComposedMessage {
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

interface Mailbox {
  name: string;
  address: string;
}

// Printable ASCII plus tab, CR and LF; the control characters (C0, DEL, C1) that must not reach
// a header; and those a body keeps out (all but tab and the line breaks).
/* eslint-disable no-control-regex */
const ASCII = /^[\x09\x0a\x0d\x20-\x7e]*$/;
const CONTROL = /[\x00-\x1f\x7f-\x9f]+/g;
const BODY_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
/* eslint-enable no-control-regex */
/** A bare CR or LF is a line break too: some receivers end a line (or the data, "\r.\r") at either. */
const LINE_BREAK = /\r\n|\r|\n/g;

/** The sender is the same on every message: parsed once. */
let lastSender: { value: string; box: Mailbox } | null = null;

function senderMailbox(value: string): Mailbox {
  if (lastSender?.value !== value) lastSender = { value, box: parseMailbox(value) };
  return lastSender.box;
}

/** The first mailbox of an address header value ("Name <a@b>" or "a@b"). */
export function parseMailbox(value: string): Mailbox {
  if (!/[<>",;()]/.test(value)) return { name: '', address: value.trim() };
  const [first] = addressparser(value, { flatten: true });
  if (!first?.address) throw new Error(`not an e-mail address: ${value}`);
  return { name: first.name ?? '', address: first.address };
}

/** Header text: control characters (header injection) become spaces; non-ASCII becomes encoded words. */
function headerText(value: string): string {
  const clean = value.replace(CONTROL, ' ');
  if (ASCII.test(clean)) return clean;
  return encodeWord(clean, 'B', 52).split(' ').join('\r\n ');
}

function mailboxHeader(box: Mailbox): string {
  if (!box.name) return box.address;
  const name = box.name.replace(CONTROL, ' ');
  const shown = ASCII.test(name)
    ? /^[\w !#$%&'*+\-/=?^`{|}~]*$/.test(name)
      ? name
      : `"${name.replace(/(["\\])/g, '\\$1')}"`
    : headerText(name);
  return `${shown} <${box.address}>`;
}

/** Whether a CRLF text has a line longer than 998 characters (SMTP's limit). */
function hasLongLine(crlf: string): boolean {
  for (let start = 0; ;) {
    const end = crlf.indexOf('\r\n', start);
    if ((end < 0 ? crlf.length : end) - start > 998) return true;
    if (end < 0) return false;
    start = end + 2;
  }
}

/**
 * A body part: every line break as CRLF, no other control character but tab; 7bit when it is
 * ASCII with lines of at most 998 characters, else base64 (lines of 76).
 */
function bodyPart(content: string, contentType: string): string {
  const crlf = content.replace(BODY_CONTROL, '').replace(LINE_BREAK, '\r\n');
  if (ASCII.test(crlf) && !hasLongLine(crlf)) {
    return `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n${crlf}`;
  }
  const b64 = Buffer.from(crlf, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${lines.join('\r\n')}`;
}

/** An attached file, base64 in lines of 76. */
function attachmentPart(a: MailAttachment): string {
  const filename = a.filename.replace(/[^\w.-]/g, '_');
  const b64 = Buffer.from(a.content, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return [
    `Content-Type: ${a.contentType.replace(CONTROL, ' ')}; name="${filename}"`,
    `Content-Disposition: attachment; filename="${filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    lines.join('\r\n'),
  ].join('\r\n');
}

function newBoundary(contents: string[]): string {
  let boundary = `----=_${boundaryPrefix}_${(boundaryCounter++).toString(36)}`;
  while (contents.some((c) => c.includes(boundary))) boundary += '_';
  return boundary;
}

let boundaryCounter = 0;
const boundaryPrefix = `wg${process.pid.toString(36)}${Date.now().toString(36)}`;

export function composeMessage(input: MessageInput): ComposedMessage {
  const from = senderMailbox(input.from);
  const to = parseMailbox(input.to);
  const headers = [
    `From: ${mailboxHeader(from)}`,
    `To: ${mailboxHeader(to)}`,
    `Subject: ${headerText(input.subject)}`,
    ...(input.messageId ? [`Message-ID: <${input.messageId.replace(/[\s<>]/g, '')}>`] : []),
    `Date: ${(input.date ?? new Date()).toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
  ];
  // A single part's Content-* lines are its headers; a multipart's first line is its Content-Type.
  let body: string;
  if (input.html === undefined) {
    body = bodyPart(input.text, 'text/plain');
  } else {
    const boundary = newBoundary([input.text, input.html]);
    body = [
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      bodyPart(input.text, 'text/plain'),
      `--${boundary}`,
      bodyPart(input.html, 'text/html'),
      `--${boundary}--`,
      '',
    ].join('\r\n');
  }
  if (input.attachments?.length) {
    const boundary = newBoundary([body]);
    body = [
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      body,
      ...input.attachments.flatMap((a) => [`--${boundary}`, attachmentPart(a)]),
      `--${boundary}--`,
      '',
    ].join('\r\n');
  }
  const raw = `${headers.join('\r\n')}\r\n${body}`;
  return { envelope: { from: from.address, to: [to.address] }, raw: Buffer.from(raw, 'utf8') };
}
