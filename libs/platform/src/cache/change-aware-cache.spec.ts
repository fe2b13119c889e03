import { ChangeAwareCache } from './change-aware-cache';

describe('ChangeAwareCache', () => {
  let now = 1_000;
  const live = (ttl = 100, max = 3) => {
    const cache = new ChangeAwareCache<string>(ttl, max, { now: () => now });
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
    const cache = new ChangeAwareCache<string>(100, 3, { now: () => now });
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

  describe('bounded by bytes (issue 12, finding 10)', () => {
    const sized = (maxBytes: number) => {
      const cache = new ChangeAwareCache<string>(100, 1000, { maxBytes, now: () => now });
      cache.setLive(true);
      return cache;
    };

    it('drops the least recently used until the sizes fit, and counts a replaced entry once', () => {
      const cache = sized(1600);
      for (const k of ['a', 'b', 'c', 'd']) cache.set(k, k, cache.begin(), 100);
      cache.set('a', 'a again', cache.begin(), 100);
      expect(cache.byteSize).toBe(400);
      expect(cache.get('b')).toBe('b'); // now c is the least recently used
      for (let i = 0; i < 13; i++) cache.set(`n${i}`, 'n', cache.begin(), 100);
      expect(cache.byteSize).toBe(1600);
      expect(cache.size).toBe(16);
      expect([cache.get('c'), cache.get('d'), cache.get('a'), cache.get('b')]).toEqual([undefined, 'd', 'a again', 'b']);
    });

    it('never keeps an entry over a sixteenth of the bytes', () => {
      const cache = sized(1600);
      cache.set('big', 'big', cache.begin(), 101);
      cache.set('fits', 'fits', cache.begin(), 100);
      expect([cache.get('big'), cache.get('fits'), cache.byteSize]).toEqual([undefined, 'fits', 100]);
    });

    it('sweeps expired entries at the next store once a TTL has passed, read or not', () => {
      const cache = sized(1600);
      for (const k of ['a', 'b', 'c']) cache.set(k, k, cache.begin(), 100);
      now += 50;
      cache.set('d', 'd', cache.begin(), 100);
      expect(cache.size).toBe(4);
      now += 60; // a, b, c expired; d has not
      cache.set('e', 'e', cache.begin(), 100);
      expect([cache.size, cache.byteSize]).toEqual([2, 200]);
      expect([cache.get('d'), cache.get('e')]).toEqual(['d', 'e']);
    });

    it('forgets the bytes with the entries on a change', () => {
      const cache = sized(1600);
      cache.set('a', 'a', cache.begin(), 100);
      cache.invalidate();
      expect([cache.size, cache.byteSize]).toEqual([0, 0]);
    });
  });
});
