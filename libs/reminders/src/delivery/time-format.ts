/** Times for people: in their own IANA time zone, and in UTC (Intl.DateTimeFormat). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** A valid IANA zone, or UTC when the stored value is unknown to this runtime. */
export function safeTimeZone(timeZone: string | null | undefined): string {
  try {
    if (timeZone) {
      formatter(timeZone);
      return timeZone;
    }
  } catch {
    // fall through
  }
  return 'UTC';
}

/** e.g. "Fri, 22 Jul 2016, 18:00 (Asia/Tokyo)". */
export function formatInZone(at: Date, timeZone: string): string {
  const zone = safeTimeZone(timeZone);
  return `${formatter(zone).format(at)} (${zone})`;
}

/** e.g. "Fri, 22 Jul 2016, 09:00 UTC". */
export function formatUtc(at: Date): string {
  return `${formatter('UTC').format(at)} UTC`;
}

/** Both: the recipient's zone first, then UTC. */
export function formatDeadline(at: Date, timeZone: string): string {
  return `${formatInZone(at, timeZone)} / ${formatUtc(at)}`;
}

/** The calendar date (YYYY-MM-DD) and the hour (0-23) in a time zone at an instant. */
export function localDateAndHour(at: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: safeTimeZone(timeZone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}
