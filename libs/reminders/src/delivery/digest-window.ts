import { localDateAndHour } from './time-format';

/** The hour (local time) at which DAILY_DIGEST e-mails go out. */
export const DIGEST_HOUR = 8;

/**
 * Whether a person's daily digest is due at `now`: it is DIGEST_HOUR:00 or later in their
 * time zone and today's digest has not been sent. Returns the local date to record as sent,
 * or null when not due.
 */
export function digestDueOn(timeZone: string, now: Date, lastSentOn: string | null, hour = DIGEST_HOUR): string | null {
  const local = localDateAndHour(now, timeZone);
  if (local.hour < hour) return null;
  if (lastSentOn !== null && lastSentOn >= local.date) return null;
  return local.date;
}
