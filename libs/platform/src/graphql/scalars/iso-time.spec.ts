import { formatDuration, parseCalendarDate, parseDateTime, parseDuration } from './iso-time';

describe('ISO-8601 parsing', () => {
  it.each([
    ['2016-07-22T09:00:00Z', '2016-07-22T09:00:00.000Z'],
    ['2016-07-22T11:00:00+02:00', '2016-07-22T09:00:00.000Z'],
    ['2016-07-22T09:00Z', '2016-07-22T09:00:00.000Z'],
    ['2016-02-29T00:00:00.123Z', '2016-02-29T00:00:00.123Z'],
  ])('accepts the instant %s', (text, iso) => {
    expect(parseDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2016-07-22',
    '2016-07-22T09:00:00',
    '2015-02-29T00:00:00Z',
    '2016-13-01T00:00:00Z',
    '2016-07-22T24:00:00Z',
    'yesterday',
    '2016-07-22T09:00:00+19:00',
  ])('refuses the instant %s', (text) => expect(parseDateTime(text)).toBeNull());

  it('accepts calendar dates and refuses impossible ones', () => {
    expect(parseCalendarDate('2016-07-22')).toBe('2016-07-22');
    expect(parseCalendarDate('2016-02-30')).toBeNull();
    expect(parseCalendarDate('2016-7-2')).toBeNull();
  });

  it.each([
    ['P14D', 14 * 86_400_000],
    ['P2W', 14 * 86_400_000],
    ['PT12H', 43_200_000],
    ['PT2S', 2000],
    ['P1DT1H1M1.5S', 90_061_500],
    ['PT0S', 0],
  ])('reads the duration %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['P', 'PT', '14D', 'P1M', 'P1Y', 'P-1D', 'PT1.2345S', 'P1DT'])('refuses the duration %s', (text) =>
    expect(parseDuration(text)).toBeNull(),
  );

  it.each([
    [14 * 86_400_000, 'P14D'],
    [86_400_000, 'P1D'],
    [2000, 'PT2S'],
    [90_061_500, 'P1DT1H1M1.5S'],
    [0, 'PT0S'],
  ])('formats %d ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
