import { zonedParts, zoneOffsetAt } from './month';

/** A wall-clock time as a form edits it: "2016-07-21" and "17:00". */
export interface WallTime {
  date: string;
  time: string;
}

/**
 * The instant at which `zone`'s clocks read `date` `time` (a meeting's session is typed in the
 * meeting's zone). Two passes of the offset, so a time just after a daylight-saving change lands
 * on the new offset; a time that does not exist (skipped by the change) moves forward by the gap.
 */
export function wallTimeToInstant({ date, time }: WallTime, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) return null;
  const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(clock[1]), Number(clock[2]));
  if (Number.isNaN(guess)) return null;
  const first = guess - zoneOffsetAt(guess, zone);
  return new Date(guess - zoneOffsetAt(first, zone)).toISOString();
}

/** What `zone`'s clocks read at the instant `iso`. */
export function instantToWallTime(iso: string, zone: string): WallTime {
  const p = zonedParts(new Date(iso).getTime(), zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
}
