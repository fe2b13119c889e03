import { jest } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { loadConfig } from '@app/platform';
import { SignedTokens } from './signed-tokens';
import { tokenLifetimeSeconds } from './token-revocations.service';

const PERSON = '7d9f0c1e-8a9b-4c2d-9e3f-0a1b2c3d4e5f';

describe('SignedTokens', () => {
  const config = loadConfig({ JWT_SECRET: 'a-test-secret-of-at-least-thirty-two-chars', JWT_EXPIRES_IN: '1h' });
  afterEach(() => jest.useRealTimers());

  it('reads its own tokens with their version, again from memory, and refuses them after they expire', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-28T10:00:00Z') });
    const tokens = new SignedTokens(config);
    const token = tokens.sign(PERSON, 3);
    expect(await tokens.read(token)).toEqual({ personId: PERSON, version: 3 });
    expect(await tokens.read(token)).toEqual({ personId: PERSON, version: 3 });
    jest.setSystemTime(new Date('2026-11-28T11:00:01Z'));
    expect(await tokens.read(token)).toBeNull();
  });

  it('refuses tokens signed with another secret or altered', async () => {
    const tokens = new SignedTokens(config);
    const other = new SignedTokens(loadConfig({ JWT_SECRET: 'another-secret-of-at-least-thirty-two-chars' }));
    const token = tokens.sign(PERSON, 0);
    expect(await other.read(token)).toBeNull();
    expect(await tokens.read(token)).not.toBeNull();
    expect(await tokens.read(`${token.slice(0, -2)}xx`)).toBeNull();
  });

  it('reads a token without a version as version 0, and refuses a version that is not an integer', async () => {
    const tokens = new SignedTokens(config);
    const sign = (payload: object) => jwt.sign(payload, config.JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
    expect(await tokens.read(sign({ sub: PERSON }))).toEqual({ personId: PERSON, version: 0 });
    expect(await tokens.read(sign({ sub: PERSON, ver: '1' }))).toBeNull();
    expect(await tokens.read(sign({ sub: PERSON, ver: 1.5 }))).toBeNull();
    expect(await tokens.read(sign({ ver: 1 }))).toBeNull();
  });
});

describe('tokenLifetimeSeconds', () => {
  it.each([
    ['30s', 30],
    ['30m', 1800],
    ['12h', 43_200],
    ['7d', 604_800],
  ])('%s -> %i s', (text, seconds) => {
    expect(tokenLifetimeSeconds(text)).toBe(seconds);
  });
});
