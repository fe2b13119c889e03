import { dependencyCycleAfter, findCycle, parentCycleAfter } from './cycles';

describe('findCycle', () => {
  it('finds none in an empty graph or a DAG (diamond)', () => {
    expect(findCycle([])).toBeNull();
    expect(
      findCycle([
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'd'],
        ['c', 'd'],
      ]),
    ).toBeNull();
  });

  it('finds a two-node and a three-node cycle, naming its nodes', () => {
    expect(
      findCycle([
        ['a', 'b'],
        ['b', 'a'],
      ]),
    ).toEqual(['a', 'b', 'a']);
    expect(
      findCycle([
        ['x', 'a'],
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
    ).toEqual(['a', 'b', 'c', 'a']);
  });

  it('finds a self loop', () => {
    expect(findCycle([['a', 'a']])).toEqual(['a', 'a']);
  });

  it('handles a long chain without recursion', () => {
    const edges = Array.from({ length: 50_000 }, (_, i) => [`n${i}`, `n${i + 1}`] as const);
    expect(findCycle(edges)).toBeNull();
    expect(findCycle([...edges, ['n50000', 'n0']])).toHaveLength(50_002);
  });
});

describe('dependencyCycleAfter', () => {
  const edges = [
    ['a', 'b'],
    ['b', 'c'],
  ] as const;

  it('refuses c -> a, which closes a -> b -> c -> a', () => {
    expect(dependencyCycleAfter(edges, 'c', ['a'])).toEqual(['a', 'b', 'c', 'a']);
  });

  it('accepts c -> d and replacing a dependency set', () => {
    expect(dependencyCycleAfter(edges, 'c', ['d'])).toBeNull();
    // b's old edge b -> c is replaced, so c -> b is fine afterwards
    expect(dependencyCycleAfter([...edges, ['c', 'd']], 'b', [])).toBeNull();
  });

  it('accepts an item that drops its edges', () => {
    expect(
      dependencyCycleAfter(
        [
          ['a', 'b'],
          ['b', 'a'],
        ],
        'b',
        [],
      ),
    ).toBeNull();
  });
});

describe('parentCycleAfter', () => {
  const parents = new Map<string, string | null>([
    ['root', null],
    ['child', 'root'],
    ['grandchild', 'child'],
  ]);

  it('refuses making an ancestor a child of its descendant', () => {
    expect(parentCycleAfter(parents, 'root', 'grandchild')).toEqual(['root', 'grandchild', 'child', 'root']);
  });

  it('refuses an item as its own parent', () => {
    expect(parentCycleAfter(parents, 'child', 'child')).toEqual(['child', 'child']);
  });

  it('accepts moving a subtree under a sibling branch and clearing a parent', () => {
    parents.set('other', 'root');
    expect(parentCycleAfter(parents, 'child', 'other')).toBeNull();
    expect(parentCycleAfter(parents, 'grandchild', null)).toBeNull();
  });
});
