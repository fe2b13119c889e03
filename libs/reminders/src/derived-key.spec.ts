import { createHmac } from 'node:crypto';
import { derivedKey } from './derived-key';

describe('derivedKey', () => {
  const secret = 's'.repeat(40);

  it('is stable, 32 bytes, and differs by purpose and by secret', () => {
    const feed = derivedKey(secret, 'calendar-feed');
    expect(feed).toHaveLength(32);
    expect(derivedKey(secret, 'calendar-feed').equals(feed)).toBe(true);
    expect(derivedKey(secret, 'queue-dashboard').equals(feed)).toBe(false);
    expect(derivedKey('t'.repeat(40), 'calendar-feed').equals(feed)).toBe(false);
  });

  it('never signs like the secret itself', () => {
    const mac = (key: string | Buffer) => createHmac('sha256', key).update('p:1').digest('hex');
    expect(mac(derivedKey(secret, 'calendar-feed'))).not.toBe(mac(secret));
  });
});
