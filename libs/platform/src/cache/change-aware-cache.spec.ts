import { ChangeAwareCache } from './change-aware-cache';

describe('ChangeAwareCache', () => {
  let now = 1_000;
  const live = (ttl = 100, max = 3) => {
    const cache = new ChangeAwareCache<string>(ttl, max, () => now);
    cache.setLive(true);
    return cache;
  };
  beforeEach(() => (now = 1_000));

  it('serves an answer until its TTL', () => {
    const cache = live();
    cache.set('k', 'v', cache.begin());
    expect(cache.get('k')).toBe('v');
    now += 99;
    expect(cache.get('k')).toBe('v');
    now += 1;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets everything on a change, and refuses answers computed across it', () => {
    const cache = live();
    cache.set('a', 'old', cache.begin());
    const started = cache.begin();
    cache.invalidate();
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 'read before the change', started);
    expect(cache.get('b')).toBeUndefined();
    cache.set('b', 'read after', cache.begin());
    expect(cache.get('b')).toBe('read after');
  });

  it('serves and keeps nothing while not live, and starts empty when live again', () => {
    const cache = new ChangeAwareCache<string>(100, 3, () => now);
    cache.set('k', 'v', cache.begin());
    expect(cache.enabled).toBe(false);
    expect(cache.get('k')).toBeUndefined();
    cache.setLive(true);
    cache.set('k', 'v', cache.begin());
    cache.setLive(false);
    cache.setLive(true);
    expect(cache.get('k')).toBeUndefined();
  });

  it('is off with a TTL of 0', () => {
    const cache = live(0);
    cache.set('k', 'v', cache.begin());
    expect(cache.enabled).toBe(false);
    expect(cache.get('k')).toBeUndefined();
  });

  it('evicts the least recently used beyond its size', () => {
    const cache = live(100, 3);
    for (const k of ['a', 'b', 'c']) cache.set(k, k, cache.begin());
    expect(cache.get('a')).toBe('a'); // a is now the most recently used
    cache.set('d', 'd', cache.begin());
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual(['a', 'c', 'd']);
  });
});
