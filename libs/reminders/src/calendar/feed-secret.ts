import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The calendar feed secret: base64url HMAC-SHA256(key, personId:feedVersion), where the key is
 * derived for the feed alone (derivedKey(JWT_SECRET, 'calendar-feed')). Nothing is stored;
 * rotating increments notification_preferences.feed_version, so the old URL stops matching.
 */
export function feedSecret(key: Buffer, personId: string, feedVersion: number): string {
  return createHmac('sha256', key).update(`${personId}:${feedVersion}`).digest('base64url');
}

export function feedSecretMatches(key: Buffer, personId: string, feedVersion: number, presented: string): boolean {
  const expected = Buffer.from(feedSecret(key, personId, feedVersion));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function feedUrl(publicUrl: string, personId: string, secret: string): string {
  return `${publicUrl}/calendar/${personId}/${secret}.ics`;
}

/** Whatever follows /calendar/<personId>/ (any case, as the router matches it). */
const FEED_SECRET_IN_PATH = /^(\/calendar\/[^/]*\/).+$/i;

/** A request path as it may be logged: a feed URL's secret part replaced. */
export function withoutFeedSecret(path: string): string {
  return path.replace(FEED_SECRET_IN_PATH, '$1[redacted]');
}
