import { jest } from '@jest/globals';
import { loadConfig } from '@app/platform';
import { TokenService } from './token.service';

describe('TokenService', () => {
  const config = loadConfig({ JWT_SECRET: 'a-test-secret-of-at-least-thirty-two-chars', JWT_EXPIRES_IN: '1h' });
  afterEach(() => jest.useRealTimers());

  it('accepts its own tokens, again from memory, and refuses them after they expire', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-28T10:00:00Z') });
    const tokens = new TokenService(config);
    const token = tokens.sign('7d9f0c1e-8a9b-4c2d-9e3f-0a1b2c3d4e5f');
    expect(await tokens.verify(token)).toBe('7d9f0c1e-8a9b-4c2d-9e3f-0a1b2c3d4e5f');
    expect(await tokens.verify(token)).toBe('7d9f0c1e-8a9b-4c2d-9e3f-0a1b2c3d4e5f');
    jest.setSystemTime(new Date('2026-11-28T11:00:01Z'));
    expect(await tokens.verify(token)).toBeNull();
  });

  it('refuses tokens signed with another secret or altered', async () => {
    const tokens = new TokenService(config);
    const other = new TokenService(loadConfig({ JWT_SECRET: 'another-secret-of-at-least-thirty-two-chars' }));
    const token = tokens.sign('7d9f0c1e-8a9b-4c2d-9e3f-0a1b2c3d4e5f');
    expect(await other.verify(token)).toBeNull();
    expect(await tokens.verify(token)).not.toBeNull();
    expect(await tokens.verify(`${token.slice(0, -2)}xx`)).toBeNull();
  });
});
