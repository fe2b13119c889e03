import { randomBytes } from 'node:crypto';
import { clientKey, hashPassword } from '@app/identity';
import type { Fixtures } from './fixtures';

export const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken person { id email } } }`;
export const ACCEPT = `mutation ($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { accessToken person { id email } } }`;
export const CHANGE_PASSWORD = `mutation ($current: String!, $next: String!) { changeMyPassword(currentPassword: $current, newPassword: $next) { accessToken person { id } } }`;
export const SIGN_OUT_EVERYWHERE = `mutation { signOutEverywhere }`;
export const ME = `query { me { id } }`;

/**
 * A client address of its own (IPv6 documentation range 2001:db8::/32). The gateway trusts
 * X-Forwarded-For from loopback by default (TRUST_PROXY), so a test sending
 * `from(clientAddress())` is a distinct client, and never shares sign-in limits with others.
 */
export const clientAddress = (): string => {
  // Distinct in the first 64 bits: an IPv6 client is counted by its /64 network.
  const hex = randomBytes(6).toString('hex');
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}::${hex.slice(8)}`;
};

/** Request headers that make the gateway see the request as coming from `address`. */
export const from = (address: string): Record<string, string> => ({ 'x-forwarded-for': address });

/** Gives a fixture person a password (argon2id, as registration does). */
export async function setPassword(fx: Fixtures, personId: string, password: string): Promise<void> {
  await fx.query(`UPDATE person SET password_hash = $2 WHERE id = $1`, [personId, await hashPassword(password)]);
}

/** Rows of the sign-in failure log for one client address (optionally one e-mail). */
export async function failuresFrom(fx: Fixtures, address: string, email?: string): Promise<number> {
  const [row] = await fx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM login_failure WHERE client_key = $1 AND ($2::text IS NULL OR email_key = lower($2))`,
    [clientKey(address), email ?? null],
  );
  return row.n;
}

export const uniqueToken = (): string => randomBytes(32).toString('base64url');
