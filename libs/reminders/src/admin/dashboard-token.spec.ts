import { createHmac } from 'node:crypto';
import { signDashboardToken, verifyDashboardToken } from './dashboard-token';

describe('queue dashboard tokens', () => {
  const key = Buffer.alloc(32, 1);
  const now = Date.UTC(2026, 10, 29, 12);

  it('verifies an authentic token of its purpose until it expires', () => {
    const { token, claims } = signDashboardToken(key, 'ticket', 'p1', 120_000, now);
    expect(claims).toEqual({ purpose: 'ticket', sub: 'p1', exp: now + 120_000, jti: expect.any(String) });
    expect(verifyDashboardToken(key, token, 'ticket', now)).toEqual(claims);
    expect(verifyDashboardToken(key, token, 'ticket', now + 119_999)).toEqual(claims);
    expect(verifyDashboardToken(key, token, 'ticket', now + 120_000)).toBeNull();
  });

  it('gives every token its own id', () => {
    const a = signDashboardToken(key, 'ticket', 'p1', 1000, now).claims.jti;
    expect(signDashboardToken(key, 'ticket', 'p1', 1000, now).claims.jti).not.toBe(a);
  });

  it('refuses the other purpose, another key, a changed payload and garbage', () => {
    const { token } = signDashboardToken(key, 'ticket', 'p1', 60_000, now);
    expect(verifyDashboardToken(key, token, 'session', now)).toBeNull();
    expect(verifyDashboardToken(Buffer.alloc(32, 2), token, 'ticket', now)).toBeNull();
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('p1', 'p2')).toString('base64url');
    expect(verifyDashboardToken(key, `${forged}.${mac}`, 'ticket', now)).toBeNull();
    for (const bad of ['', '.', 'x.y', `${payload}.`, `${payload}.${mac}x`, 'eyJhbGciOiJIUzI1NiJ9.e30.sig'])
      expect(verifyDashboardToken(key, bad, 'ticket', now)).toBeNull();
  });

  it('refuses authentic payloads that are not claims', () => {
    const signed = (claims: unknown) => {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
    };
    expect(
      verifyDashboardToken(key, signed({ purpose: 'ticket', sub: 'p', exp: now + 1, jti: 'j' }), 'ticket', now),
    ).not.toBeNull();
    expect(verifyDashboardToken(key, signed({ purpose: 'ticket', sub: 1, exp: now + 1, jti: 'j' }), 'ticket', now)).toBeNull();
    expect(verifyDashboardToken(key, signed({ purpose: 'ticket', sub: 'p', exp: '9', jti: 'j' }), 'ticket', now)).toBeNull();
    expect(verifyDashboardToken(key, signed({ purpose: 'ticket', sub: 'p', exp: now + 1 }), 'ticket', now)).toBeNull();
    expect(verifyDashboardToken(key, signed(null), 'ticket', now)).toBeNull();
  });
});
