import { nestedDeeperThan } from './variables-depth.plugin';

describe('nestedDeeperThan', () => {
  const nest = (levels: number): unknown => (levels === 0 ? 'leaf' : [{ inner: nest(levels - 1) }]);

  it('counts lists and objects, not scalars', () => {
    expect(nestedDeeperThan({ input: { ids: ['a'] } }, 3)).toBe(false);
    expect(nestedDeeperThan({ input: { ids: [['a']] } }, 3)).toBe(true);
    expect(nestedDeeperThan(undefined, 0)).toBe(false);
  });

  it('answers for any depth without recursion', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(nestedDeeperThan(deep, 32)).toBe(true);
    expect(nestedDeeperThan(nest(16), 32)).toBe(false);
    expect(nestedDeeperThan(nest(17), 32)).toBe(true);
  });
});
