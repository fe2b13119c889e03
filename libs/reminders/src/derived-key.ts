import { hkdfSync } from 'node:crypto';

/** What a derived key is for; each purpose gets a key of its own. */
export type KeyPurpose = 'calendar-feed' | 'queue-dashboard';

/**
 * A 32-byte key for one purpose, derived from JWT_SECRET with HKDF-SHA256: a secret that leaks
 * through one use (a calendar URL, a dashboard cookie) reveals nothing that signs access tokens
 * or the other purpose's values, and an access token can never pass as one of them.
 */
export function derivedKey(secret: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'wgcollab derived keys', `wgcollab ${purpose}`, 32));
}
