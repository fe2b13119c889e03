/** What `zone`'s clocks read at the instant `at`: year, month (1 to 12), day, hour (0 to 23), minute, second. */
export function zonedParts(at: number, zone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** How far `zone`'s clock is ahead of UTC at the instant `at`, in milliseconds. */
export function zoneOffsetAt(at: number, zone: string): number {
  const p = zonedParts(at, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

/** Midnight of the 1st of `month` (0-based, may overflow into the next year) in `zone`. */
function startOfMonth(year: number, month: number, zone: string): number {
  const guess = Date.UTC(year, month, 1);
  return guess - zoneOffsetAt(guess - zoneOffsetAt(guess, zone), zone);
}

/** The reader's current calendar month in their zone, as the ISO instants [from, to). */
export function monthBounds(now: number, zone: string): { from: string; to: string } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' })
    .format(new Date(now))
    .split('-')
    .map(Number);
  return {
    from: new Date(startOfMonth(year, month - 1, zone)).toISOString(),
    to: new Date(startOfMonth(year, month, zone)).toISOString(),
  };
}
