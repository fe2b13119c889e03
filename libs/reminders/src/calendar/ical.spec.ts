import { feedSecret, feedSecretMatches } from './feed-secret';
import { foldLine, icalDateTime, renderCalendar } from './ical';

describe('RFC 5545 writer', () => {
  it('formats UTC date-times and escapes text', () => {
    expect(icalDateTime(new Date('2016-07-22T09:00:00.123Z'))).toBe('20160722T090000Z');
    const ics = renderCalendar('Mine', [{ uid: 'u1@x', start: new Date('2016-07-22T09:00:00Z'), summary: 'A, B; C\nD' }]);
    expect(ics).toContain('SUMMARY:A\\, B\\; C\\nD\r\n');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
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
    const s1 = feedSecret('k'.repeat(32), 'p', 1);
    expect(feedSecretMatches('k'.repeat(32), 'p', 1, s1)).toBe(true);
    expect(feedSecretMatches('k'.repeat(32), 'p', 2, s1)).toBe(false);
    expect(feedSecretMatches('k'.repeat(32), 'p', 1, 'short')).toBe(false);
  });
});
