import { feedSecret, feedSecretMatches, withoutFeedSecret } from './feed-secret';
import { foldLine, icalDateTime, renderCalendar } from './ical';

describe('RFC 5545 writer', () => {
  it('formats UTC date-times and escapes text', () => {
    expect(icalDateTime(new Date('2016-07-22T09:00:00.123Z'))).toBe('20160722T090000Z');
    const ics = renderCalendar('Mine', [{ uid: 'u1@x', start: new Date('2016-07-22T09:00:00Z'), summary: 'A, B; C\nD' }]);
    expect(ics).toContain('SUMMARY:A\\, B\\; C\\nD\r\n');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
  it('escapes line breaks (CRLF, LF, a bare CR) and removes every other control character but tab', () => {
    const controls = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('') + '\u007f\u0080\u0085\u009f';
    const ics = renderCalendar(`N\rX-INJECTED:1`, [
      { uid: 'u1@x', start: new Date('2016-07-22T09:00:00Z'), summary: `a\rb\r\nc\nd\te`, description: `[${controls}]` },
    ]);
    expect(ics).toContain('X-WR-CALNAME:N\\nX-INJECTED:1\r\n');
    expect(ics).toContain('SUMMARY:a\\nb\\nc\\nd\te\r\n');
    expect(ics).toContain('DESCRIPTION:[\t\\n\\n]\r\n');
    // Outside the CRLF line ends, nothing but tab below U+0020, no DEL, no C1 control.
    // eslint-disable-next-line no-control-regex
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
  });
  it('folds lines at 75 octets without splitting characters', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(100)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i ? l.slice(1) : l))
        .join(''),
    ).toBe(`SUMMARY:${'é'.repeat(100)}`);
  });
});

describe('feed secret', () => {
  it('changes with the version and checks in constant time', () => {
    const key = Buffer.alloc(32, 7);
    const s1 = feedSecret(key, 'p', 1);
    expect(feedSecretMatches(key, 'p', 1, s1)).toBe(true);
    expect(feedSecretMatches(key, 'p', 2, s1)).toBe(false);
    expect(feedSecretMatches(key, 'p', 1, 'short')).toBe(false);
    expect(feedSecretMatches(Buffer.alloc(32, 8), 'p', 1, s1)).toBe(false);
  });
  it('is replaced in logged paths, in any case', () => {
    expect(withoutFeedSecret('/calendar/p1/s3cr3t.ics')).toBe('/calendar/p1/[redacted]');
    expect(withoutFeedSecret('/Calendar/p1/S3CR3T.ICS/')).toBe('/Calendar/p1/[redacted]');
    expect(withoutFeedSecret('/calendar/p1/')).toBe('/calendar/p1/');
    expect(withoutFeedSecret('/graphql')).toBe('/graphql');
  });
});
