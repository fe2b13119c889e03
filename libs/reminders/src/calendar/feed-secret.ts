import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The calendar feed secret: base64url HMAC-SHA256(key, personId:feedVersion). Nothing is
 * stored; rotating increments person.feed_version, so the old URL stops matching.
 */
export function feedSecret(key: string, personId: string, feedVersion: number): string {
  return createHmac('sha256', key).update(`${personId}:${feedVersion}`).digest('base64url');
}

export function feedSecretMatches(key: string, personId: string, feedVersion: number, presented: string): boolean {
  const expected = Buffer.from(feedSecret(key, personId, feedVersion));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function feedUrl(publicUrl: string, personId: string, secret: string): string {
  return `${publicUrl}/calendar/${personId}/${secret}.ics`;
}
