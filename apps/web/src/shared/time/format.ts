/**
 * Times as a reader sees them: in their zone, with the zone named. Pure functions over Intl, so
 * that the same instant reads "Tue 22 Dec 2026, 18:00 GMT+9" in Tokyo and "Tue 22 Dec 2026, 04:00 EST" in New York.
 */
export function formatDateTime(iso: string, zone: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A calendar date (no time, no zone): 2016-07-22 reads "22 Jul 2016". */
export function formatDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "in 3 days", "2 hours ago", "dans 3 jours": the largest whole unit of the distance from now. */
export function formatRelative(iso: string, now: number, language: string): string {
  const diff = new Date(iso).getTime() - now;
  const format = new Intl.RelativeTimeFormat(locale(language), { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.trunc(diff / size), unit);
  }
  return format.format(Math.trunc(diff / 1000), 'second');
}

/** "2 d 03:04:05" until a closing time, for a countdown; null once it has passed. */
export function countdown(iso: string, now: number): { days: number; hours: number; minutes: number; seconds: number } | null {
  const left = Math.floor((new Date(iso).getTime() - now) / 1000);
  if (left <= 0) return null;
  return {
    days: Math.floor(left / 86400),
    hours: Math.floor((left % 86400) / 3600),
    minutes: Math.floor((left % 3600) / 60),
    seconds: left % 60,
  };
}

/** The browser's zone, used when the profile has none. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** British English for English (day before month, 24-hour clock, as UN documents write dates). */
const locale = (language: string) => (language === 'fr' ? 'fr-FR' : 'en-GB');
