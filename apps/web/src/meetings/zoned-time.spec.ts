import { instantToWallTime, wallTimeToInstant } from './zoned-time';

describe('wall times of a meeting’s zone and UTC instants', () => {
  it('reads Geneva summer time as UTC+2', () => {
    expect(wallTimeToInstant({ date: '2016-07-21', time: '17:00' }, 'Europe/Zurich')).toBe('2016-07-21T15:00:00.000Z');
  });

  it('uses the new offset on the day of a daylight-saving change', () => {
    // Zurich moved from UTC+2 to UTC+1 at 03:00 on 25 October 2026.
    expect(wallTimeToInstant({ date: '2026-10-25', time: '01:30' }, 'Europe/Zurich')).toBe('2026-10-24T23:30:00.000Z');
    expect(wallTimeToInstant({ date: '2026-10-25', time: '10:00' }, 'Europe/Zurich')).toBe('2026-10-25T09:00:00.000Z');
    expect(wallTimeToInstant({ date: '2026-03-29', time: '10:00' }, 'Europe/Zurich')).toBe('2026-03-29T08:00:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    expect(wallTimeToInstant({ date: '', time: '10:00' }, 'UTC')).toBeNull();
    expect(wallTimeToInstant({ date: '2026-01-01', time: '' }, 'UTC')).toBeNull();
  });

  it('turns an instant back into the zone’s wall time', () => {
    expect(instantToWallTime('2016-07-21T15:00:00.000Z', 'Europe/Zurich')).toEqual({ date: '2016-07-21', time: '17:00' });
    expect(instantToWallTime('2016-07-21T15:00:00.000Z', 'Asia/Tokyo')).toEqual({ date: '2016-07-22', time: '00:00' });
  });
});
