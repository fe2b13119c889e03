import { searchKey } from './search-cursor';

describe('searchKey', () => {
  const id = '3f1c1f3e-1111-4222-8333-444455556666';

  it('accepts the key of a hit', () => {
    expect(searchKey(['0.0607927', 'WORK_ITEM', id])).toEqual(['0.0607927', 'WORK_ITEM', id]);
    expect(searchKey(['1.1', 'KPI', id])).toEqual(['1.1', 'KPI', id]);
    expect(searchKey(['6e-05', 'KPI', id])).toEqual(['6e-05', 'KPI', id]);
    expect(searchKey(null)).toBeNull();
  });

  it.each([
    [['x', 'KPI', id]],
    [['1', 'NOPE', id]],
    [['1', 'KPI', 'not-a-uuid']],
    [[1, 'KPI', id]],
    [['1', 'KPI']],
    [['1', 'KPI', id, 'extra']],
  ])('refuses %j as BAD_USER_INPUT on after', (key) => {
    expect(() => searchKey(key)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
