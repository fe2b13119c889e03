/**
 * A small RFC 5545 writer for the calendar feed: escaping (3.3.11), line folding at 75 octets
 * (3.1), CRLF line ends, UTC date-times (3.3.5). Events are points in time (a deadline), given
 * a 30-minute slot so calendar clients show them.
 */

export interface CalendarEvent {
  uid: string;
  start: Date;
  summary: string;
  description?: string;
  url?: string;
  /** Event length in minutes (default 30), when it has no end. */
  minutes?: number;
  /** The end of an event that lasts (a meeting session). */
  end?: Date;
  location?: string;
  /** Written as STATUS:CANCELLED. */
  cancelled?: boolean;
}

// Control characters other than tab and the line breaks: C0, DEL and C1. A bare CR would end a
// content line for some clients, so every line break (CRLF, LF or CR alone) becomes the escaped \n.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAK = /\r\n|\r|\n/g;

/** TEXT value (3.3.11): backslash, semicolon and comma escaped, line breaks as \n, no other control character. */
export function escapeText(value: string): string {
  return value.replace(CONTROL, '').replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(LINE_BREAK, '\\n');
}

/** UTC form: 20160722T090000Z. */
export function icalDateTime(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Folds a content line into chunks of at most 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function renderCalendar(name: string, events: CalendarEvent[], now: Date = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//wgcollab//deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${icalDateTime(now)}`,
      `DTSTART:${icalDateTime(e.start)}`,
      `DTEND:${icalDateTime(e.end ?? new Date(e.start.getTime() + (e.minutes ?? 30) * 60_000))}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.cancelled) lines.push('STATUS:CANCELLED');
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
