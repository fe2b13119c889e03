/**
 * ISO-8601 parsing shared by the scalars and by services (plain functions, no GraphQL).
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

function validCalendar(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= daysInMonth;
}

/** An instant with an explicit offset (2016-07-22T09:00:00Z, ...+02:00); null when invalid. */
export function parseDateTime(text: string): Date | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (!validCalendar(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  if (m[8] !== 'Z') {
    const [oh, om] = m[8].slice(1).split(':').map(Number);
    if (oh > 18 || om > 59) return null;
  }
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date (2016-07-22); returned as the same string, null when invalid. */
export function parseCalendarDate(text: string): string | null {
  const m = CALENDAR_DATE.exec(text);
  if (!m) return null;
  return validCalendar(Number(m[1]), Number(m[2]), Number(m[3])) ? text : null;
}

/**
 * An ISO-8601 duration in weeks, days, hours, minutes and seconds (P14D, PT12H, PT2S),
 * as milliseconds; null when invalid. Years and months are refused: their length varies,
 * and a reminder lead time must be exact.
 */
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const [w, d, h, mi] = [m[1], m[2], m[3], m[4]].map((v) => Number(v ?? 0));
  const s = Number(m[5] ?? 0);
  const ms = ((((w * 7 + d) * 24 + h) * 60 + mi) * 60 + s) * 1000;
  return Number.isSafeInteger(Math.round(ms)) ? Math.round(ms) : null;
}

/** Milliseconds as a canonical ISO-8601 duration (days, then time), e.g. 1209600000 -> P14D. */
export function formatDuration(ms: number): string {
  if (ms === 0) return 'PT0S';
  const totalSeconds = ms / 1000;
  const days = Math.floor(totalSeconds / 86400);
  let rest = totalSeconds - days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = Math.round((rest - minutes * 60) * 1000) / 1000;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
