import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * The queue dashboard's own tokens, HMAC-SHA256 under derivedKey(JWT_SECRET, 'queue-dashboard'):
 * `<base64url claims>.<base64url mac>`. A `ticket` lives for minutes and is exchanged once for a
 * `session`, which only the dashboard's cookie carries. Neither is an access token (another key),
 * and neither passes for the other (the purpose is signed).
 */
export type DashboardTokenPurpose = 'ticket' | 'session';

export interface DashboardClaims {
  purpose: DashboardTokenPurpose;
  /** The person id. */
  sub: string;
  /** Expiry, epoch milliseconds. */
  exp: number;
  /** A unique id: a ticket is accepted once (see QueueDashboard). */
  jti: string;
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest();

export function signDashboardToken(
  key: Buffer,
  purpose: DashboardTokenPurpose,
  personId: string,
  lifetimeMs: number,
  nowMs = Date.now(),
): { token: string; claims: DashboardClaims } {
  const claims: DashboardClaims = { purpose, sub: personId, exp: nowMs + lifetimeMs, jti: randomUUID() };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { token: `${payload}.${mac(key, payload).toString('base64url')}`, claims };
}

/** The claims of an authentic, unexpired token of that purpose; null for anything else. */
export function verifyDashboardToken(
  key: Buffer,
  token: string,
  purpose: DashboardTokenPurpose,
  nowMs = Date.now(),
): DashboardClaims | null {
  const match = /^([A-Za-z0-9_-]{1,1000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expected = mac(key, match[1]);
  const given = Buffer.from(match[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: Partial<DashboardClaims> | null;
  try {
    claims = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as Partial<DashboardClaims> | null;
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  if (claims.purpose !== purpose || typeof claims.sub !== 'string' || typeof claims.jti !== 'string') return null;
  if (typeof claims.exp !== 'number' || claims.exp <= nowMs) return null;
  return claims as DashboardClaims;
}
