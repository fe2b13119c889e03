import { monthBounds } from './month';

describe('monthBounds: the reader’s calendar month in their zone', () => {
  it('starts and ends at local midnight of the 1st', () => {
    expect(monthBounds(Date.parse('2026-11-29T23:30:00Z'), 'Europe/Zurich')).toEqual({
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-30T23:00:00.000Z',
    });
  });

  it('takes the month of the reader’s zone, not UTC’s', () => {
    // 08:30 on 30 November in Tokyo.
    expect(monthBounds(Date.parse('2026-11-29T23:30:00Z'), 'Asia/Tokyo')).toEqual({
      from: '2026-10-31T15:00:00.000Z',
      to: '2026-11-30T15:00:00.000Z',
    });
  });

  it('follows a daylight-saving change within the month', () => {
    expect(monthBounds(Date.parse('2026-03-15T00:00:00Z'), 'America/New_York')).toEqual({
      from: '2026-03-01T05:00:00.000Z',
      to: '2026-04-01T04:00:00.000Z',
    });
  });
});
